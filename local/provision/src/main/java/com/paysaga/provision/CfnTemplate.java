package com.paysaga.provision;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A CloudFormation / SAM template read from YAML, with the short-form intrinsic tags
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, …) turned into their long JSON forms
 * ({@code {"Ref": …}}, {@code {"Fn::GetAtt": [..]}}, …) so one resolver handles both.
 */
public final class CfnTemplate {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not",
            "Or", "Length", "ToJsonString");

    private final Map<String, Object> root;

    private CfnTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static CfnTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new TemplateException("cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    public static CfnTemplate parse(String yaml) {
        return parse(new java.io.StringReader(yaml), "<string>");
    }

    @SuppressWarnings("unchecked")
    private static CfnTemplate parse(Reader reader, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded;
        try {
            loaded = new Yaml(new IntrinsicConstructor(options)).load(reader);
        } catch (RuntimeException e) {
            throw new TemplateException("template " + name + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new TemplateException("template " + name + " is not a YAML mapping");
        }
        return new CfnTemplate((Map<String, Object>) map);
    }

    public Map<String, Object> root() {
        return root;
    }

    public Map<String, Object> section(String name) {
        return map(root.get(name));
    }

    public Map<String, Object> resources() {
        return section("Resources");
    }

    public Map<String, Object> resource(String logicalId) {
        Object r = resources().get(logicalId);
        if (r == null) {
            throw new TemplateException("template has no resource " + logicalId);
        }
        return map(r);
    }

    public String typeOf(String logicalId) {
        return String.valueOf(resource(logicalId).get("Type"));
    }

    public Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** Constructs every short-form tag as the equivalent single-key mapping. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String f : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + f), new Intrinsic("Fn::" + f));
            }
        }

        private Object value(Node node) {
            if (node instanceof ScalarNode s) {
                return constructScalar(s);
            }
            if (node instanceof SequenceNode s) {
                List<Object> out = new ArrayList<>();
                for (Node child : s.getValue()) {
                    out.add(constructObject(child));
                }
                return out;
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            for (var tuple : ((MappingNode) node).getValue()) {
                out.put(constructObject(tuple.getKeyNode()), constructObject(tuple.getValueNode()));
            }
            return out;
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(key, value(node));
                return m;
            }
        }

        /** {@code !GetAtt Res.Attr} is a scalar in short form, a two-element list in long form. */
        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object v = value(node);
                if (v instanceof String s) {
                    int dot = s.indexOf('.');
                    if (dot < 1) {
                        throw new TemplateException("!GetAtt needs Resource.Attribute, got '" + s + "'");
                    }
                    v = List.of(s.substring(0, dot), s.substring(dot + 1));
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("Fn::GetAtt", v);
                return m;
            }
        }
    }
}

package com.paysaga.provision;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions over a parsed template value: {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub} (both forms, {@code ${!Literal}} escapes),
 * {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If} with the template's
 * Conditions, {@code Fn::Equals/Not/And/Or}, {@code Fn::FindInMap}, {@code Fn::Base64},
 * {@code Fn::GetAZs}, and {@code AWS::NoValue}, which removes the property that holds it.
 */
public final class IntrinsicResolver {

    /** Where Ref and GetAtt of resources find their values. */
    public interface ResourceValues {
        String ref(String logicalId);

        String attribute(String logicalId, String attribute);
    }

    /** Marks a value that {@code Ref: AWS::NoValue} removed. */
    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private final CfnTemplate template;
    private final Map<String, String> parameters;
    private final Map<String, String> pseudo;
    private final ResourceValues resources;
    private final Map<String, Boolean> conditions = new LinkedHashMap<>();

    public IntrinsicResolver(CfnTemplate template, Map<String, String> parameters,
            Map<String, String> pseudoParameters, ResourceValues resources) {
        this.template = template;
        this.parameters = parameters;
        this.pseudo = pseudoParameters;
        this.resources = resources;
    }

    public boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        Object definition = template.section("Conditions").get(name);
        if (definition == null) {
            throw new TemplateException("unknown condition " + name);
        }
        boolean value = truth(resolveValue(definition), "condition " + name);
        conditions.put(name, value);
        return value;
    }

    /** Resolves every intrinsic inside {@code value}; the result holds only plain YAML values. */
    public Object resolve(Object value) {
        Object v = resolveValue(value);
        return v == NO_VALUE ? null : v;
    }

    public String resolveString(Object value) {
        Object v = resolve(value);
        return v == null ? null : scalar(v, "value");
    }

    @SuppressWarnings("unchecked")
    private Object resolveValue(Object value) {
        if (value instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            if (map.size() == 1) {
                String key = map.keySet().iterator().next();
                if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                    return function(key, map.get(key));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : map.entrySet()) {
                Object v = resolveValue(e.getValue());
                if (v != NO_VALUE) {
                    out.put(String.valueOf(e.getKey()), v);
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object v = resolveValue(item);
                if (v != NO_VALUE) {
                    out.add(v);
                }
            }
            return out;
        }
        return value;
    }

    private Object function(String name, Object arg) {
        return switch (name) {
            case "Ref" -> ref(scalar(arg, "Ref"));
            case "Condition" -> condition(scalar(arg, "Condition"));
            case "Fn::GetAtt" -> getAtt(arg);
            case "Fn::Sub" -> sub(arg);
            case "Fn::Join" -> join(arg);
            case "Fn::Select" -> select(arg);
            case "Fn::Split" -> split(arg);
            case "Fn::If" -> ifFn(arg);
            case "Fn::Equals" -> {
                List<Object> args = args(arg, 2, name);
                yield Objects.equals(normal(resolveValue(args.get(0))), normal(resolveValue(args.get(1))));
            }
            case "Fn::Not" -> !truth(resolveValue(args(arg, 1, name).get(0)), name);
            case "Fn::And" -> CfnTemplate.list(arg).stream().allMatch(a -> truth(resolveValue(a), name));
            case "Fn::Or" -> CfnTemplate.list(arg).stream().anyMatch(a -> truth(resolveValue(a), name));
            case "Fn::FindInMap" -> findInMap(arg);
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    scalar(resolveValue(arg), name).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(pseudo.get("AWS::Region") + "a", pseudo.get("AWS::Region") + "b",
                    pseudo.get("AWS::Region") + "c");
            default -> throw new TemplateException("intrinsic function " + name + " is not supported locally");
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (template.resources().containsKey(name)) {
            return resources.ref(name);
        }
        throw new TemplateException("Ref to unknown parameter or resource " + name);
    }

    private Object getAtt(Object arg) {
        List<Object> args = args(arg, 2, "Fn::GetAtt");
        String logicalId = scalar(resolveValue(args.get(0)), "Fn::GetAtt");
        String attribute = scalar(resolveValue(args.get(1)), "Fn::GetAtt");
        if (!template.resources().containsKey(logicalId)) {
            throw new TemplateException("Fn::GetAtt of unknown resource " + logicalId);
        }
        return resources.attribute(logicalId, attribute);
    }

    private String sub(Object arg) {
        String text;
        Map<String, Object> vars = Map.of();
        if (arg instanceof List<?> l) {
            text = scalar(l.get(0), "Fn::Sub");
            vars = CfnTemplate.map(l.size() > 1 ? l.get(1) : null);
        } else {
            text = scalar(arg, "Fn::Sub");
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}";
            } else {
                String var = m.group(2).trim();
                if (vars.containsKey(var)) {
                    replacement = scalar(resolveValue(vars.get(var)), "Fn::Sub variable " + var);
                } else if (var.contains(".") && !pseudo.containsKey(var)) {
                    int dot = var.indexOf('.');
                    replacement = scalar(getAtt(List.of(var.substring(0, dot), var.substring(dot + 1))), var);
                } else {
                    replacement = scalar(ref(var), "Fn::Sub variable " + var);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String join(Object arg) {
        List<Object> args = args(arg, 2, "Fn::Join");
        String delimiter = scalar(args.get(0), "Fn::Join");
        Object items = resolveValue(args.get(1));
        List<String> parts = new ArrayList<>();
        for (Object item : CfnTemplate.list(items)) {
            parts.add(scalar(item, "Fn::Join"));
        }
        return String.join(delimiter, parts);
    }

    private Object select(Object arg) {
        List<Object> args = args(arg, 2, "Fn::Select");
        int index = Integer.parseInt(scalar(resolveValue(args.get(0)), "Fn::Select"));
        List<Object> items = CfnTemplate.list(resolveValue(args.get(1)));
        if (index < 0 || index >= items.size()) {
            throw new TemplateException("Fn::Select index " + index + " out of range 0.." + (items.size() - 1));
        }
        return items.get(index);
    }

    private Object split(Object arg) {
        List<Object> args = args(arg, 2, "Fn::Split");
        String delimiter = scalar(args.get(0), "Fn::Split");
        String source = scalar(resolveValue(args.get(1)), "Fn::Split");
        return List.of((Object[]) source.split(Pattern.quote(delimiter), -1));
    }

    private Object ifFn(Object arg) {
        List<Object> args = args(arg, 3, "Fn::If");
        return condition(scalar(args.get(0), "Fn::If")) ? resolveValue(args.get(1)) : resolveValue(args.get(2));
    }

    private Object findInMap(Object arg) {
        List<Object> args = args(arg, 3, "Fn::FindInMap");
        String map = scalar(resolveValue(args.get(0)), "Fn::FindInMap");
        String top = scalar(resolveValue(args.get(1)), "Fn::FindInMap");
        String second = scalar(resolveValue(args.get(2)), "Fn::FindInMap");
        Object v = CfnTemplate.map(CfnTemplate.map(template.section("Mappings").get(map)).get(top)).get(second);
        if (v == null) {
            throw new TemplateException("Fn::FindInMap found nothing at " + map + "/" + top + "/" + second);
        }
        return v;
    }

    private static List<Object> args(Object arg, int n, String fn) {
        List<Object> l = CfnTemplate.list(arg);
        if (l.size() < n) {
            throw new TemplateException(fn + " needs " + n + " arguments, got " + arg);
        }
        return l;
    }

    private static Object normal(Object v) {
        return v instanceof Number || v instanceof Boolean ? String.valueOf(v) : v;
    }

    private static boolean truth(Object v, String where) {
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.parseBoolean((String) v);
        }
        throw new TemplateException(where + " does not evaluate to a boolean: " + v);
    }

    private static String scalar(Object v, String where) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw new TemplateException(where + " expects a string, got " + v);
    }
}

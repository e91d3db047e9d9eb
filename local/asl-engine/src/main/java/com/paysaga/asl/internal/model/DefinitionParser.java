package com.paysaga.asl.internal.model;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.Diagnostic;
import com.paysaga.asl.ErrorNames;
import com.paysaga.asl.InvalidDefinitionException;
import com.paysaga.asl.internal.choice.Condition;
import com.paysaga.asl.internal.choice.Operator;
import com.paysaga.asl.internal.json.Json;
import com.paysaga.asl.internal.path.JsonPaths;
import com.paysaga.asl.internal.path.PayloadTemplate;
import com.paysaga.asl.internal.path.ReferencePath;

/**
 * Validates a definition the way the service's {@code ValidateStateMachineDefinition} does and
 * compiles it to {@link Model}. All problems are collected, each with the JSON pointer of the
 * field at fault, so that one run shows everything to fix.
 */
public final class DefinitionParser {

    private static final long MAX_SECONDS = 99_999_999L;
    private static final long MAX_RETRY_DELAY = 31_622_401L;

    private static final Set<String> TOP_FIELDS = Set.of("Comment", "StartAt", "States", "Version", "TimeoutSeconds",
            "QueryLanguage");
    private static final Set<String> BRANCH_FIELDS = Set.of("Comment", "StartAt", "States");
    private static final Set<String> PROCESSOR_FIELDS = Set.of("Comment", "StartAt", "States", "ProcessorConfig");

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath"),
            "Task", Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath",
                    "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath",
                    "Retry", "Catch", "Credentials"),
            "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath"),
            "Wait", Set.of("Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp",
                    "TimestampPath"),
            "Succeed", Set.of("InputPath", "OutputPath"),
            "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
            "Parallel", Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath",
                    "Branches", "Retry", "Catch"),
            "Map", Set.of("Next", "End", "InputPath", "OutputPath", "ItemsPath", "ItemSelector", "Parameters",
                    "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ResultSelector",
                    "ResultPath", "Retry", "Catch", "ItemReader", "ItemBatcher",
                    "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage",
                    "ToleratedFailurePercentagePath", "Label"));

    /** Fields of the language this engine does not implement; reported instead of silently ignored. */
    private static final Set<String> UNSUPPORTED = Set.of("Assign", "Output", "Arguments", "Items", "ResultWriter");

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private DefinitionParser() {
    }

    public static Model.Machine parse(String definition) throws InvalidDefinitionException {
        JsonNode root;
        try {
            root = Json.parse(definition);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(List.of(new Diagnostic(Diagnostic.INVALID_JSON_DESCRIPTION,
                    "The definition is not valid JSON: " + e.getOriginalMessage().replaceAll(" \\(start marker at .*", "") + " (line "
                            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", "/")));
        }
        DefinitionParser p = new DefinitionParser();
        Model.Machine machine = null;
        if (root == null || !root.isObject()) {
            p.schema("The definition must be a JSON object", "/");
        } else {
            machine = p.machine(root, "", TOP_FIELDS, true);
        }
        if (!p.diagnostics.isEmpty()) {
            throw new InvalidDefinitionException(p.diagnostics);
        }
        return machine;
    }

    private void schema(String message, String pointer) {
        diagnostics.add(new Diagnostic(Diagnostic.SCHEMA_VALIDATION_FAILED, message, pointer.isEmpty() ? "/" : pointer));
    }

    private void transition(String message, String pointer) {
        diagnostics.add(new Diagnostic(Diagnostic.MISSING_TRANSITION_TARGET, message, pointer));
    }

    private void checkFields(JsonNode node, Set<String> allowed, String pointer) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (UNSUPPORTED.contains(f) && !allowed.contains(f)) {
                schema("Field '" + f + "' is not supported by this engine (JSONPath query language only)", pointer + "/" + f);
            } else if (!allowed.contains(f)) {
                schema("Field '" + f + "' is not supported", pointer + "/" + f);
            }
        }
    }

    private Model.Machine machine(JsonNode node, String pointer, Set<String> allowed, boolean top) {
        checkFields(node, allowed, pointer);
        Integer timeout = null;
        if (top) {
            queryLanguage(node, pointer);
            if (node.has("TimeoutSeconds")) {
                timeout = (int) positiveInt(node.get("TimeoutSeconds"), pointer + "/TimeoutSeconds", 1, MAX_SECONDS);
            }
        }
        String startAt = requiredString(node, "StartAt", pointer);
        JsonNode statesNode = node.get("States");
        Map<String, Model.State> states = new LinkedHashMap<>();
        if (statesNode == null) {
            schema("These fields are required: [States]", pointer);
        } else if (!statesNode.isObject() || statesNode.isEmpty()) {
            schema("'States' must be a non-empty object", pointer + "/States");
        } else {
            for (var e : statesNode.properties()) {
                String statePointer = pointer + "/States/" + e.getKey();
                if (e.getKey().length() > 80) {
                    schema("State names must be at most 80 characters", statePointer);
                }
                if (!e.getValue().isObject()) {
                    schema("A state must be a JSON object", statePointer);
                    continue;
                }
                Model.State s = state(e.getKey(), e.getValue(), statePointer);
                if (s != null) {
                    states.put(e.getKey(), s);
                }
            }
        }
        Model.Machine m = new Model.Machine(startAt, Map.copyOf(states), timeout, pointer);
        if (statesNode != null && statesNode.isObject()) {
            checkTransitions(m, statesNode, startAt, pointer);
        }
        return m;
    }

    private void queryLanguage(JsonNode node, String pointer) {
        JsonNode ql = node.get("QueryLanguage");
        if (ql != null && !"JSONPath".equals(ql.asText())) {
            schema("QueryLanguage '" + ql.asText() + "' is not supported by this engine; use JSONPath",
                    pointer + "/QueryLanguage");
        }
    }

    /** Next targets exist within the same machine, and every state is reachable from StartAt. */
    private void checkTransitions(Model.Machine m, JsonNode statesNode, String startAt, String pointer) {
        Set<String> names = new HashSet<>();
        statesNode.fieldNames().forEachRemaining(names::add);
        if (startAt != null && !names.contains(startAt)) {
            transition("Missing 'Next' target: " + startAt, pointer + "/StartAt");
        }
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (var e : statesNode.properties()) {
            List<String> targets = new ArrayList<>();
            JsonNode s = e.getValue();
            String sp = pointer + "/States/" + e.getKey();
            if (!s.isObject()) {
                continue;
            }
            target(s.get("Next"), names, sp + "/Next", targets);
            target(s.get("Default"), names, sp + "/Default", targets);
            JsonNode choices = s.get("Choices");
            if (choices != null && choices.isArray()) {
                for (int i = 0; i < choices.size(); i++) {
                    target(choices.get(i).get("Next"), names, sp + "/Choices/" + i + "/Next", targets);
                }
            }
            JsonNode catchers = s.get("Catch");
            if (catchers != null && catchers.isArray()) {
                for (int i = 0; i < catchers.size(); i++) {
                    target(catchers.get(i).get("Next"), names, sp + "/Catch/" + i + "/Next", targets);
                }
            }
            edges.put(e.getKey(), targets);
        }
        if (startAt == null || !names.contains(startAt)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(startAt);
        while (!todo.isEmpty()) {
            String s = todo.poll();
            if (seen.add(s)) {
                todo.addAll(edges.getOrDefault(s, List.of()));
            }
        }
        for (String name : names) {
            if (!seen.contains(name)) {
                transition("State \"" + name + "\" is not reachable.", pointer + "/States/" + name);
            }
        }
    }

    private void target(JsonNode next, Set<String> names, String pointer, List<String> targets) {
        if (next == null || !next.isTextual()) {
            return;
        }
        if (!names.contains(next.textValue())) {
            transition("Missing 'Next' target: " + next.textValue(), pointer);
        } else {
            targets.add(next.textValue());
        }
    }

    private Model.State state(String name, JsonNode node, String pointer) {
        JsonNode typeNode = node.get("Type");
        if (typeNode == null) {
            schema("These fields are required: [Type]", pointer);
            return null;
        }
        String type = typeNode.asText();
        Set<String> specific = FIELDS.get(type);
        if (specific == null) {
            schema("Value '" + type + "' is not a valid state type; expected one of Task, Pass, Choice, Wait, "
                    + "Succeed, Fail, Parallel, Map", pointer + "/Type");
            return null;
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(specific);
        checkFields(node, allowed, pointer);
        queryLanguage(node, pointer);
        return switch (type) {
            case "Pass" -> new Model.Pass(name, next(node, pointer), pointer, io(node, "InputPath", pointer),
                    io(node, "OutputPath", pointer), template(node, "Parameters", pointer), node.get("Result"),
                    resultPath(node.get("ResultPath"), node.has("ResultPath"), pointer + "/ResultPath"));
            case "Task" -> task(name, node, pointer);
            case "Choice" -> choice(name, node, pointer);
            case "Wait" -> waitState(name, node, pointer);
            case "Succeed" -> new Model.Succeed(name, pointer, io(node, "InputPath", pointer), io(node, "OutputPath", pointer));
            case "Fail" -> fail(name, node, pointer);
            case "Parallel" -> parallel(name, node, pointer);
            default -> map(name, node, pointer);
        };
    }

    private String next(JsonNode node, String pointer) {
        JsonNode next = node.get("Next");
        JsonNode end = node.get("End");
        if (end != null && (!end.isBoolean() || !end.booleanValue())) {
            schema("'End' must be true when present", pointer + "/End");
        }
        boolean isEnd = end != null && end.isBoolean() && end.booleanValue();
        if (next != null && isEnd) {
            schema("Fields 'Next' and 'End' are mutually exclusive", pointer);
        } else if (next == null && !isEnd) {
            schema("These fields are required: [Next or End]", pointer);
        }
        if (next != null && !next.isTextual()) {
            schema("'Next' must be a state name", pointer + "/Next");
            return null;
        }
        return next == null ? null : next.textValue();
    }

    private Model.IoPath io(JsonNode node, String field, String pointer) {
        if (!node.has(field)) {
            return Model.IoPath.ROOT;
        }
        JsonNode v = node.get(field);
        if (v.isNull()) {
            return Model.IoPath.NULL;
        }
        String path = path(v, pointer + "/" + field, false);
        return path == null ? Model.IoPath.ROOT : new Model.IoPath(path, false);
    }

    /** A path string; {@code reference} restricts it to a reference path ({@code $…} or {@code $$…}). */
    private String path(JsonNode v, String pointer, boolean reference) {
        if (v == null || !v.isTextual()) {
            schema("The value must be a JSONPath string", pointer);
            return null;
        }
        String text = v.textValue();
        if (reference) {
            String own = text.startsWith("$$") ? text.substring(1) : text;
            if (ReferencePath.parse(own).isEmpty()) {
                schema("The value for the field must be a valid Reference Path: '" + text + "'", pointer);
                return null;
            }
            return text;
        }
        Optional<String> error = JsonPaths.syntaxError(text);
        if (error.isPresent()) {
            schema("The value for the field must be a valid JSONPath: '" + text + "' (" + error.get() + ")", pointer);
            return null;
        }
        return text;
    }

    private Model.ResultPathSpec resultPath(JsonNode v, boolean present, String pointer) {
        if (!present) {
            return Model.ResultPathSpec.ROOT;
        }
        if (v.isNull()) {
            return Model.ResultPathSpec.DISCARD;
        }
        if (!v.isTextual() || ReferencePath.parse(v.textValue()).isEmpty()) {
            schema("The value for the field 'ResultPath' must be a valid Reference Path", pointer);
            return Model.ResultPathSpec.ROOT;
        }
        return new Model.ResultPathSpec(ReferencePath.parse(v.textValue()).orElseThrow(), false);
    }

    private PayloadTemplate template(JsonNode node, String field, String pointer) {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        List<PayloadTemplate.Problem> problems = new ArrayList<>();
        PayloadTemplate t = PayloadTemplate.compile(v, pointer + "/" + field, problems);
        problems.forEach(pr -> schema(pr.message(), pr.pointer()));
        return t;
    }

    private String requiredString(JsonNode node, String field, String pointer) {
        JsonNode v = node.get(field);
        if (v == null) {
            schema("These fields are required: [" + field + "]", pointer);
            return null;
        }
        if (!v.isTextual() || v.textValue().isEmpty()) {
            schema("'" + field + "' must be a non-empty string", pointer + "/" + field);
            return null;
        }
        return v.textValue();
    }

    private long positiveInt(JsonNode v, String pointer, long min, long max) {
        if (v == null || !v.isIntegralNumber() || v.longValue() < min || v.longValue() > max) {
            schema("The value must be an integer between " + min + " and " + max, pointer);
            return min;
        }
        return v.longValue();
    }

    /** {@code Field} / {@code FieldPath}: at most one, the literal within bounds, the path a reference path. */
    private Model.NumberSpec numberOrPath(JsonNode node, String field, String pointer, long min, long max,
            boolean integer) {
        JsonNode literal = node.get(field);
        JsonNode path = node.get(field + "Path");
        if (literal != null && path != null) {
            schema("Fields '" + field + "' and '" + field + "Path' are mutually exclusive", pointer);
            return null;
        }
        if (literal != null) {
            boolean ok = integer ? literal.isIntegralNumber() : literal.isNumber();
            if (!ok || literal.doubleValue() < min || literal.doubleValue() > max) {
                schema("The value of '" + field + "' must be " + (integer ? "an integer" : "a number") + " between "
                        + min + " and " + max, pointer + "/" + field);
                return null;
            }
            return new Model.NumberSpec(literal.doubleValue(), null, field);
        }
        if (path != null) {
            String p = path(path, pointer + "/" + field + "Path", true);
            return p == null ? null : new Model.NumberSpec(null, p, field);
        }
        return null;
    }

    private Model.Task task(String name, JsonNode node, String pointer) {
        String resource = requiredString(node, "Resource", pointer);
        if (resource != null && !resource.startsWith("arn:")) {
            schema("Value '" + resource + "' is not a valid resource ARN", pointer + "/Resource");
        }
        Model.NumberSpec timeout = numberOrPath(node, "TimeoutSeconds", pointer, 1, MAX_SECONDS, true);
        Model.NumberSpec heartbeat = numberOrPath(node, "HeartbeatSeconds", pointer, 1, MAX_SECONDS, true);
        if (timeout != null && heartbeat != null && timeout.value() != null && heartbeat.value() != null
                && heartbeat.value() >= timeout.value()) {
            schema("'HeartbeatSeconds' must be smaller than 'TimeoutSeconds'", pointer + "/HeartbeatSeconds");
        }
        if (resource != null && resource.endsWith(".waitForTaskToken") && node.has("Parameters")
                && !mentionsTaskToken(node.get("Parameters"))) {
            schema("The 'Parameters' field must contain a reference to '$$.Task.Token' for the "
                    + ".waitForTaskToken integration pattern", pointer + "/Parameters");
        }
        return new Model.Task(name, next(node, pointer), pointer, io(node, "InputPath", pointer),
                io(node, "OutputPath", pointer), template(node, "Parameters", pointer),
                template(node, "ResultSelector", pointer),
                resultPath(node.get("ResultPath"), node.has("ResultPath"), pointer + "/ResultPath"), resource,
                timeout, heartbeat, retry(node, pointer), catchers(node, pointer));
    }

    private static boolean mentionsTaskToken(JsonNode parameters) {
        return Json.compact(parameters).contains("$$.Task.Token");
    }

    private List<Model.Retrier> retry(JsonNode node, String pointer) {
        JsonNode retry = node.get("Retry");
        if (retry == null) {
            return List.of();
        }
        if (!retry.isArray()) {
            schema("'Retry' must be an array of retriers", pointer + "/Retry");
            return List.of();
        }
        List<Model.Retrier> out = new ArrayList<>();
        for (int i = 0; i < retry.size(); i++) {
            JsonNode r = retry.get(i);
            String rp = pointer + "/Retry/" + i;
            if (!r.isObject()) {
                schema("A retrier must be an object", rp);
                continue;
            }
            checkFields(r, Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                    "JitterStrategy", "Comment"), rp);
            List<String> errors = errorEquals(r, rp, i == retry.size() - 1);
            int interval = r.has("IntervalSeconds") ? (int) positiveInt(r.get("IntervalSeconds"), rp + "/IntervalSeconds",
                    1, MAX_SECONDS) : 1;
            int attempts = r.has("MaxAttempts") ? (int) positiveInt(r.get("MaxAttempts"), rp + "/MaxAttempts", 0,
                    MAX_SECONDS) : 3;
            double backoff = 2.0;
            if (r.has("BackoffRate")) {
                JsonNode b = r.get("BackoffRate");
                if (!b.isNumber() || b.doubleValue() < 1.0) {
                    schema("'BackoffRate' must be a number greater than or equal to 1.0", rp + "/BackoffRate");
                } else {
                    backoff = b.doubleValue();
                }
            }
            Integer maxDelay = r.has("MaxDelaySeconds")
                    ? (int) positiveInt(r.get("MaxDelaySeconds"), rp + "/MaxDelaySeconds", 1, MAX_RETRY_DELAY) : null;
            Model.Jitter jitter = Model.Jitter.NONE;
            if (r.has("JitterStrategy")) {
                String j = r.get("JitterStrategy").asText();
                if (j.equals("FULL") || j.equals("NONE")) {
                    jitter = Model.Jitter.valueOf(j);
                } else {
                    schema("'JitterStrategy' must be FULL or NONE", rp + "/JitterStrategy");
                }
            }
            out.add(new Model.Retrier(errors, interval, attempts, backoff, maxDelay, jitter));
        }
        return List.copyOf(out);
    }

    private List<Model.Catcher> catchers(JsonNode node, String pointer) {
        JsonNode catchNode = node.get("Catch");
        if (catchNode == null) {
            return List.of();
        }
        if (!catchNode.isArray()) {
            schema("'Catch' must be an array of catchers", pointer + "/Catch");
            return List.of();
        }
        List<Model.Catcher> out = new ArrayList<>();
        for (int i = 0; i < catchNode.size(); i++) {
            JsonNode c = catchNode.get(i);
            String cp = pointer + "/Catch/" + i;
            if (!c.isObject()) {
                schema("A catcher must be an object", cp);
                continue;
            }
            checkFields(c, Set.of("ErrorEquals", "Next", "ResultPath", "Comment"), cp);
            List<String> errors = errorEquals(c, cp, i == catchNode.size() - 1);
            String next = requiredString(c, "Next", cp);
            out.add(new Model.Catcher(errors, next, resultPath(c.get("ResultPath"), c.has("ResultPath"), cp + "/ResultPath")));
        }
        return List.copyOf(out);
    }

    private List<String> errorEquals(JsonNode node, String pointer, boolean last) {
        JsonNode ee = node.get("ErrorEquals");
        if (ee == null) {
            schema("These fields are required: [ErrorEquals]", pointer);
            return List.of();
        }
        if (!ee.isArray() || ee.isEmpty()) {
            schema("'ErrorEquals' must be a non-empty array of error names", pointer + "/ErrorEquals");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : ee) {
            if (!e.isTextual()) {
                schema("'ErrorEquals' must contain strings", pointer + "/ErrorEquals");
                continue;
            }
            String name = e.textValue();
            if (name.startsWith("States.") && !ErrorNames.PREDEFINED.contains(name)) {
                schema("'" + name + "' is not a predefined error name; names starting with 'States.' are reserved",
                        pointer + "/ErrorEquals");
            }
            out.add(name);
        }
        if (out.contains(ErrorNames.ALL) && (out.size() > 1 || !last)) {
            schema("'States.ALL' must appear alone in 'ErrorEquals' and only in the last element of the array",
                    pointer + "/ErrorEquals");
        }
        return List.copyOf(out);
    }

    private Model.Choice choice(String name, JsonNode node, String pointer) {
        if (node.has("Next") || node.has("End")) {
            schema("A Choice state cannot have 'Next' or 'End'; transitions are given in 'Choices' and 'Default'", pointer);
        }
        JsonNode choices = node.get("Choices");
        List<Model.ChoiceRule> rules = new ArrayList<>();
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            schema("'Choices' must be a non-empty array of choice rules", pointer + "/Choices");
        } else {
            for (int i = 0; i < choices.size(); i++) {
                String rp = pointer + "/Choices/" + i;
                JsonNode rule = choices.get(i);
                Condition c = condition(rule, rp, true);
                String next = rule.isObject() ? requiredString(rule, "Next", rp) : null;
                if (c != null) {
                    rules.add(new Model.ChoiceRule(c, next));
                }
            }
        }
        JsonNode def = node.get("Default");
        if (def != null && !def.isTextual()) {
            schema("'Default' must be a state name", pointer + "/Default");
        }
        return new Model.Choice(name, pointer, io(node, "InputPath", pointer), io(node, "OutputPath", pointer),
                List.copyOf(rules), def != null && def.isTextual() ? def.textValue() : null);
    }

    private Condition condition(JsonNode rule, String pointer, boolean top) {
        if (!rule.isObject()) {
            schema("A choice rule must be an object", pointer);
            return null;
        }
        if (!top && rule.has("Next")) {
            schema("Nested choice rules cannot have 'Next'", pointer + "/Next");
        }
        List<String> operators = new ArrayList<>();
        for (Iterator<String> it = rule.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (f.equals("And") || f.equals("Or") || f.equals("Not") || Operator.byField(f).isPresent()) {
                operators.add(f);
            } else if (!f.equals("Variable") && !f.equals("Comment") && !(top && f.equals("Next"))) {
                schema("Field '" + f + "' is not supported", pointer + "/" + f);
            }
        }
        if (operators.size() != 1) {
            schema(operators.isEmpty() ? "A choice rule must have exactly one comparison operator or And/Or/Not"
                    : "A choice rule must have exactly one comparison operator, found " + operators, pointer);
            return null;
        }
        String op = operators.get(0);
        JsonNode value = rule.get(op);
        if (op.equals("And") || op.equals("Or")) {
            if (rule.has("Variable")) {
                schema("'Variable' is not allowed with '" + op + "'", pointer + "/Variable");
            }
            if (!value.isArray() || value.isEmpty()) {
                schema("'" + op + "' must be a non-empty array of choice rules", pointer + "/" + op);
                return null;
            }
            List<Condition> inner = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                Condition c = condition(value.get(i), pointer + "/" + op + "/" + i, false);
                if (c != null) {
                    inner.add(c);
                }
            }
            return op.equals("And") ? new Condition.And(List.copyOf(inner)) : new Condition.Or(List.copyOf(inner));
        }
        if (op.equals("Not")) {
            if (rule.has("Variable")) {
                schema("'Variable' is not allowed with 'Not'", pointer + "/Variable");
            }
            Condition inner = condition(value, pointer + "/Not", false);
            return inner == null ? null : new Condition.Not(inner);
        }
        String variable = path(rule.get("Variable"), pointer + "/Variable", false);
        if (!rule.has("Variable")) {
            schema("These fields are required: [Variable]", pointer);
            return null;
        }
        Operator.Parsed parsed = Operator.byField(op).orElseThrow();
        String operandPointer = pointer + "/" + op;
        if (parsed.withPath()) {
            String operandPath = path(value, operandPointer, false);
            return variable == null || operandPath == null ? null
                    : new Condition.Compare(variable, parsed.operator(), null, operandPath, null);
        }
        boolean ok = switch (parsed.operator().kind()) {
            case STRING, MATCHES -> value.isTextual();
            case NUMERIC -> value.isNumber();
            case BOOLEAN, IS -> value.isBoolean();
            case TIMESTAMP -> value.isTextual() && Condition.parseTimestamp(value.textValue()) != null;
        };
        if (!ok) {
            schema("The value of '" + op + "' must be " + switch (parsed.operator().kind()) {
                case STRING, MATCHES -> "a string";
                case NUMERIC -> "a number";
                case BOOLEAN, IS -> "a boolean";
                case TIMESTAMP -> "an RFC 3339 timestamp such as 2016-08-18T17:33:00Z";
            }, operandPointer);
            return null;
        }
        Pattern matches = parsed.operator() == Operator.StringMatches ? Condition.wildcard(value.textValue()) : null;
        return variable == null ? null : new Condition.Compare(variable, parsed.operator(), value, null, matches);
    }

    private Model.Wait waitState(String name, JsonNode node, String pointer) {
        List<String> given = new ArrayList<>();
        for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            if (node.has(f)) {
                given.add(f);
            }
        }
        Long seconds = null;
        String secondsPath = null;
        Instant timestamp = null;
        String timestampPath = null;
        if (given.size() != 1) {
            schema("A Wait state must have exactly one of Seconds, SecondsPath, Timestamp, TimestampPath", pointer);
        } else {
            switch (given.get(0)) {
                case "Seconds" -> seconds = positiveInt(node.get("Seconds"), pointer + "/Seconds", 0, MAX_SECONDS);
                case "SecondsPath" -> secondsPath = path(node.get("SecondsPath"), pointer + "/SecondsPath", true);
                case "Timestamp" -> {
                    JsonNode t = node.get("Timestamp");
                    timestamp = t.isTextual() ? Condition.parseTimestamp(t.textValue()) : null;
                    if (timestamp == null) {
                        schema("'Timestamp' must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z",
                                pointer + "/Timestamp");
                    }
                }
                default -> timestampPath = path(node.get("TimestampPath"), pointer + "/TimestampPath", true);
            }
        }
        return new Model.Wait(name, next(node, pointer), pointer, io(node, "InputPath", pointer),
                io(node, "OutputPath", pointer), seconds, secondsPath, timestamp, timestampPath);
    }

    private Model.Fail fail(String name, JsonNode node, String pointer) {
        String error = null;
        String cause = null;
        PayloadTemplate errorPath = null;
        PayloadTemplate causePath = null;
        if (node.has("Error") && node.has("ErrorPath")) {
            schema("Fields 'Error' and 'ErrorPath' are mutually exclusive", pointer);
        }
        if (node.has("Cause") && node.has("CausePath")) {
            schema("Fields 'Cause' and 'CausePath' are mutually exclusive", pointer);
        }
        List<PayloadTemplate.Problem> problems = new ArrayList<>();
        if (node.has("Error")) {
            error = stringValue(node, "Error", pointer);
        }
        if (node.has("ErrorPath")) {
            errorPath = PayloadTemplate.single("ErrorPath", node.get("ErrorPath"), pointer + "/ErrorPath", problems);
        }
        if (node.has("Cause")) {
            cause = stringValue(node, "Cause", pointer);
        }
        if (node.has("CausePath")) {
            causePath = PayloadTemplate.single("CausePath", node.get("CausePath"), pointer + "/CausePath", problems);
        }
        problems.forEach(pr -> schema(pr.message(), pr.pointer()));
        return new Model.Fail(name, pointer, error, errorPath, cause, causePath);
    }

    private String stringValue(JsonNode node, String field, String pointer) {
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            schema("'" + field + "' must be a string", pointer + "/" + field);
            return null;
        }
        return v.textValue();
    }

    private Model.Parallel parallel(String name, JsonNode node, String pointer) {
        JsonNode branches = node.get("Branches");
        List<Model.Machine> machines = new ArrayList<>();
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            schema("'Branches' must be a non-empty array of state machines", pointer + "/Branches");
        } else {
            for (int i = 0; i < branches.size(); i++) {
                JsonNode b = branches.get(i);
                String bp = pointer + "/Branches/" + i;
                if (!b.isObject()) {
                    schema("A branch must be an object with StartAt and States", bp);
                    continue;
                }
                machines.add(machine(b, bp, BRANCH_FIELDS, false));
            }
        }
        return new Model.Parallel(name, next(node, pointer), pointer, io(node, "InputPath", pointer),
                io(node, "OutputPath", pointer), template(node, "Parameters", pointer),
                template(node, "ResultSelector", pointer),
                resultPath(node.get("ResultPath"), node.has("ResultPath"), pointer + "/ResultPath"),
                List.copyOf(machines), retry(node, pointer), catchers(node, pointer));
    }

    private Model.MapState map(String name, JsonNode node, String pointer) {
        JsonNode processorNode = node.get("ItemProcessor");
        JsonNode iteratorNode = node.get("Iterator");
        Model.ProcessorMode mode = Model.ProcessorMode.INLINE;
        String executionType = null;
        Model.Machine processor = null;
        if (processorNode != null && iteratorNode != null) {
            schema("Fields 'ItemProcessor' and 'Iterator' are mutually exclusive", pointer);
        } else if (processorNode == null && iteratorNode == null) {
            schema("These fields are required: [ItemProcessor]", pointer);
        } else if (processorNode != null) {
            if (!processorNode.isObject()) {
                schema("'ItemProcessor' must be an object", pointer + "/ItemProcessor");
            } else {
                JsonNode config = processorNode.get("ProcessorConfig");
                if (config != null) {
                    String cp = pointer + "/ItemProcessor/ProcessorConfig";
                    checkFields(config, Set.of("Mode", "ExecutionType"), cp);
                    String m = config.path("Mode").asText("INLINE");
                    if (m.equals("INLINE") || m.equals("DISTRIBUTED")) {
                        mode = Model.ProcessorMode.valueOf(m);
                    } else {
                        schema("'Mode' must be INLINE or DISTRIBUTED", cp + "/Mode");
                    }
                    if (config.has("ExecutionType")) {
                        executionType = config.get("ExecutionType").asText();
                        if (!executionType.equals("STANDARD") && !executionType.equals("EXPRESS")) {
                            schema("'ExecutionType' must be STANDARD or EXPRESS", cp + "/ExecutionType");
                        }
                    }
                    if (mode == Model.ProcessorMode.DISTRIBUTED && executionType == null) {
                        schema("These fields are required: [ExecutionType]", cp);
                    }
                    if (mode == Model.ProcessorMode.INLINE && executionType != null) {
                        schema("'ExecutionType' is only allowed in DISTRIBUTED mode", cp + "/ExecutionType");
                    }
                }
                processor = machine(processorNode, pointer + "/ItemProcessor", PROCESSOR_FIELDS, false);
            }
        } else if (!iteratorNode.isObject()) {
            schema("'Iterator' must be an object", pointer + "/Iterator");
        } else {
            processor = machine(iteratorNode, pointer + "/Iterator", BRANCH_FIELDS, false);
        }
        if (node.has("ItemSelector") && node.has("Parameters")) {
            schema("Fields 'ItemSelector' and 'Parameters' are mutually exclusive", pointer);
        }
        PayloadTemplate selector = node.has("ItemSelector") ? template(node, "ItemSelector", pointer)
                : template(node, "Parameters", pointer);
        String itemsPath = node.has("ItemsPath") ? path(node.get("ItemsPath"), pointer + "/ItemsPath", true) : "$";
        Model.ItemReaderSpec reader = null;
        Model.ItemBatcherSpec batcher = null;
        String label = null;
        if (node.has("ItemReader")) {
            reader = itemReader(node.get("ItemReader"), pointer + "/ItemReader");
        }
        if (node.has("ItemBatcher")) {
            batcher = itemBatcher(node.get("ItemBatcher"), pointer + "/ItemBatcher");
        }
        if (node.has("Label")) {
            label = stringValue(node, "Label", pointer);
            if (label != null && (label.length() > 40 || !label.matches("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/]+"))) {
                schema("'Label' must be up to 40 characters without whitespace or special characters", pointer + "/Label");
            }
        }
        if (mode == Model.ProcessorMode.INLINE) {
            for (String f : List.of("ItemReader", "ItemBatcher", "Label")) {
                if (node.has(f)) {
                    schema("Field '" + f + "' is only supported in DISTRIBUTED mode", pointer + "/" + f);
                }
            }
        }
        Model.NumberSpec concurrency = numberOrPath(node, "MaxConcurrency", pointer, 0, Integer.MAX_VALUE, true);
        Model.NumberSpec count = numberOrPath(node, "ToleratedFailureCount", pointer, 0, Integer.MAX_VALUE, true);
        Model.NumberSpec pct = numberOrPath(node, "ToleratedFailurePercentage", pointer, 0, 100, false);
        return new Model.MapState(name, next(node, pointer), pointer, io(node, "InputPath", pointer),
                io(node, "OutputPath", pointer), itemsPath, selector, template(node, "ResultSelector", pointer),
                resultPath(node.get("ResultPath"), node.has("ResultPath"), pointer + "/ResultPath"), processor, mode,
                executionType, concurrency, count, pct, reader, batcher, label, retry(node, pointer),
                catchers(node, pointer));
    }

    private Model.ItemReaderSpec itemReader(JsonNode node, String pointer) {
        if (!node.isObject()) {
            schema("'ItemReader' must be an object", pointer);
            return null;
        }
        checkFields(node, Set.of("Resource", "Parameters", "ReaderConfig"), pointer);
        String resource = requiredString(node, "Resource", pointer);
        JsonNode config = node.path("ReaderConfig");
        Model.NumberSpec maxItems = null;
        if (config.isObject()) {
            checkFields(config, Set.of("InputType", "MaxItems", "MaxItemsPath", "CSVHeaderLocation", "CSVHeaders",
                    "CSVDelimiter", "ManifestType"), pointer + "/ReaderConfig");
            maxItems = numberOrPath(config, "MaxItems", pointer + "/ReaderConfig", 0, 100_000_000, true);
            String type = config.path("InputType").asText("");
            if (!type.isEmpty() && !Set.of("JSON", "JSONL", "CSV", "MANIFEST").contains(type)) {
                schema("'InputType' must be JSON, JSONL, CSV or MANIFEST", pointer + "/ReaderConfig/InputType");
            }
        } else if (!config.isMissingNode()) {
            schema("'ReaderConfig' must be an object", pointer + "/ReaderConfig");
        }
        return new Model.ItemReaderSpec(resource, template(node, "Parameters", pointer),
                config.isObject() ? config : Json.object(), maxItems);
    }

    private Model.ItemBatcherSpec itemBatcher(JsonNode node, String pointer) {
        if (!node.isObject()) {
            schema("'ItemBatcher' must be an object", pointer);
            return null;
        }
        checkFields(node, Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
                "MaxInputBytesPerBatchPath", "BatchInput"), pointer);
        Model.NumberSpec items = numberOrPath(node, "MaxItemsPerBatch", pointer, 1, Integer.MAX_VALUE, true);
        Model.NumberSpec bytes = numberOrPath(node, "MaxInputBytesPerBatch", pointer, 1, 262_144, true);
        if (items == null && bytes == null) {
            schema("'ItemBatcher' needs MaxItemsPerBatch or MaxInputBytesPerBatch (or their Path forms)", pointer);
        }
        return new Model.ItemBatcherSpec(items, bytes, template(node, "BatchInput", pointer));
    }
}

package com.paysaga.asl.internal.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.paysaga.asl.AslClock;
import com.paysaga.asl.map.ItemReader;
import com.paysaga.asl.task.TaskInvoker;

/** What the engine was configured with; shared by all executions of one engine. */
public final class Services {

    /** An invoker or item reader registered for a resource glob ({@code *} matches any text). */
    public record Registration<T>(String glob, Pattern pattern, T target) {
        public static <T> Registration<T> of(String glob, T target) {
            StringBuilder regex = new StringBuilder();
            for (String part : glob.split("\\*", -1)) {
                if (!regex.isEmpty()) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(part));
            }
            return new Registration<>(glob, Pattern.compile(regex.toString()), target);
        }
    }

    private final AslClock clock;
    private final String region;
    private final String accountId;
    private final String roleArn;
    private final List<Registration<TaskInvoker>> invokers;
    private final List<Registration<ItemReader>> itemReaders;
    private final Map<String, TaskAttempt> tokens = new ConcurrentHashMap<>();

    public Services(AslClock clock, String region, String accountId, String roleArn,
            List<Registration<TaskInvoker>> invokers, List<Registration<ItemReader>> itemReaders) {
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
        this.roleArn = roleArn;
        this.invokers = List.copyOf(invokers);
        this.itemReaders = List.copyOf(itemReaders);
    }

    public AslClock clock() {
        return clock;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public String roleArn() {
        return roleArn;
    }

    /** The first registration whose glob matches {@code arn}, in registration order. */
    public Optional<TaskInvoker> invokerFor(String arn) {
        return first(invokers, arn);
    }

    public Optional<ItemReader> itemReaderFor(String resource) {
        return first(itemReaders, resource);
    }

    private static <T> Optional<T> first(List<Registration<T>> registrations, String value) {
        for (Registration<T> r : registrations) {
            if (r.pattern().matcher(value).matches()) {
                return Optional.of(r.target());
            }
        }
        return Optional.empty();
    }

    public Map<String, TaskAttempt> tokens() {
        return tokens;
    }
}

package com.paysaga.asl.internal.run;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancellable unit of work: an execution, a Parallel branch, a Map iteration, a task
 * invocation. Cancelling a scope cancels its children, runs its hooks and interrupts the threads
 * working in it, so that blocking calls (waits, task invocations, retries) end promptly.
 */
public final class Scope {

    private final Scope parent;
    private volatile Stop stop;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Set<Scope> children = ConcurrentHashMap.newKeySet();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public Scope() {
        this(null);
    }

    private Scope(Scope parent) {
        this.parent = parent;
    }

    public Scope child() {
        Scope c = new Scope(this);
        children.add(c);
        Stop s = stop;
        if (s != null) {
            c.cancel(s);
        }
        return c;
    }

    /** Detaches a finished child so that long Map runs do not accumulate scopes. */
    public void close() {
        if (parent != null) {
            parent.children.remove(this);
        }
    }

    public void cancel(Stop reason) {
        synchronized (this) {
            if (stop != null) {
                return;
            }
            stop = reason;
        }
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException ignored) {
                // A misbehaving cancel hook must not keep the other threads running.
            }
        }
        for (Scope c : children) {
            c.cancel(reason);
        }
        for (Thread t : threads) {
            t.interrupt();
        }
    }

    public Stop stop() {
        return stop;
    }

    public boolean isStopped() {
        return stop != null;
    }

    public void onCancel(Runnable hook) {
        hooks.add(hook);
        if (stop != null) {
            hook.run();
        }
    }

    /** Registers the current thread for interruption; pair with {@link #leave()}. */
    public void enter() {
        threads.add(Thread.currentThread());
        if (stop != null) {
            Thread.currentThread().interrupt();
        }
    }

    public void leave() {
        threads.remove(Thread.currentThread());
    }

    /** Throws when this scope was stopped; called at every state boundary. */
    public void checkpoint() {
        Stop s = stop;
        if (s != null) {
            throw new FlowStopped(s);
        }
    }

    /** The exception to unwind with after an interrupt. */
    public FlowStopped stopped() {
        Stop s = stop;
        return new FlowStopped(s != null ? s : new Stop(Stop.Kind.ABORTED, null, "interrupted"));
    }
}

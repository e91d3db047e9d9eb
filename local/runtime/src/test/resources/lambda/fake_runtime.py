"""A minimal custom runtime, as a `bootstrap` would be: polls the Lambda Runtime API and answers.

Event {"echo": x} -> {"echo": x, "pid": <pid>}; {"sleep": s} sleeps first; {"fail": "Type"}
reports a function error of that type; {"crash": n} exits with status n mid-invocation.
Answers also say when the process began and when it first asked for work (its start window).
"""
import json, os, sys, time, urllib.request

began = time.time()
time.sleep(0.2)  # the runtime's own start (the Java client loads its JNI library here)
first_next = None
api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime"
while True:
    first_next = first_next or time.time()
    with urllib.request.urlopen(api + "/invocation/next") as r:
        request_id = r.headers["Lambda-Runtime-Aws-Request-Id"]
        assert r.headers["Lambda-Runtime-Trace-Id"], "trace id header is required"
        deadline = int(r.headers["Lambda-Runtime-Deadline-Ms"])
        event = json.loads(r.read() or b"{}")
    if "sleep" in event:
        time.sleep(event["sleep"])
    if "crash" in event:
        sys.exit(event["crash"])
    if "fail" in event:
        body = json.dumps({"errorType": event["fail"], "errorMessage": "file abc: record 3 is bad", "stackTrace": []})
        req = urllib.request.Request(api + f"/invocation/{request_id}/error", data=body.encode(), method="POST",
                                     headers={"Lambda-Runtime-Function-Error-Type": event["fail"]})
    else:
        body = json.dumps({"echo": event.get("echo"), "pid": os.getpid(),
                           "fn": os.environ["AWS_LAMBDA_FUNCTION_NAME"], "table": os.environ.get("RUNS_TABLE"),
                           "deadlineInFuture": deadline > time.time() * 1000,
                           "began": began, "firstNext": first_next})
        req = urllib.request.Request(api + f"/invocation/{request_id}/response", data=body.encode(), method="POST")
    urllib.request.urlopen(req).read()

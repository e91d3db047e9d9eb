#!/usr/bin/env bash
# A stand-in for the batch-container image: `exit-on-attempt CODE...` exits with the code for the
# current attempt (AWS_BATCH_JOB_ATTEMPT, 1-based); `sleep N` sleeps; `env NAME` prints a variable.
case "$1" in
  exit-on-attempt) shift; codes=("$@"); exit "${codes[$((AWS_BATCH_JOB_ATTEMPT - 1))]}" ;;
  sleep) sleep "$2" ;;
  env) echo "$2=${!2}"; exit 0 ;;
esac

# Builds the Lambda functions for `sam build` (template.yaml: BuildMethod makefile, run in this
# directory). SAM calls one target per function, build-<LogicalId>, with ARTIFACTS_DIR set.
#
#   PAYSAGA_PACKAGING=native (default): GraalVM native images built in a container,
#       for Runtime provided.al2023 (needs Docker or Podman);
#   PAYSAGA_PACKAGING=jvm: the JVM function.zip for Runtime java21 (what works without
#       GraalVM or Docker). Use the same value for the template's Packaging parameter:
#       PAYSAGA_PACKAGING=jvm sam build --parameter-overrides Packaging=jvm
#
# Maven builds all five modules once per sam build (the zips are rebuilt only when a source
# or the packaging changed); each target then unpacks its function.zip.

PAYSAGA_PACKAGING ?= native
FUNCTIONS := validate route checkpoint load replay
MVN := ./mvnw -B -q
ifeq ($(PAYSAGA_PACKAGING),native)
MVN_PACKAGING := -Dnative -Dquarkus.native.container-build=true
else ifeq ($(PAYSAGA_PACKAGING),jvm)
MVN_PACKAGING :=
else
$(error PAYSAGA_PACKAGING must be native or jvm, not '$(PAYSAGA_PACKAGING)')
endif

ZIPS := $(foreach f,$(FUNCTIONS),functions/$(f)/target/function.zip)
SOURCES := $(shell find src-shared functions -path '*/target' -prune -o -path '*/src/test' -prune -o -type f -print) \
	pom.xml
PACKAGING_STAMP := functions/target/packaging-$(PAYSAGA_PACKAGING)

$(PACKAGING_STAMP):
	mkdir -p functions/target
	rm -f functions/target/packaging-*
	touch $@

$(ZIPS) &: $(SOURCES) $(PACKAGING_STAMP)
	$(MVN) -pl $(subst $(eval) ,$(comma),$(foreach f,$(FUNCTIONS),functions/$(f))) -am package -DskipTests $(MVN_PACKAGING)
	touch $(ZIPS)

comma := ,

define unpack
	rm -rf "$(ARTIFACTS_DIR)" && mkdir -p "$(ARTIFACTS_DIR)"
	cd "$(ARTIFACTS_DIR)" && unzip -q -o "$(CURDIR)/functions/$(1)/target/function.zip"
endef

build-ValidateFunction: functions/validate/target/function.zip
	$(call unpack,validate)

build-RouteFunction: functions/route/target/function.zip
	$(call unpack,route)

build-CheckpointFunction: functions/checkpoint/target/function.zip
	$(call unpack,checkpoint)

build-LoadFunction: functions/load/target/function.zip
	$(call unpack,load)

build-ReplayFunction: functions/replay/target/function.zip
	$(call unpack,replay)

.PHONY: build-ValidateFunction build-RouteFunction build-CheckpointFunction build-LoadFunction build-ReplayFunction

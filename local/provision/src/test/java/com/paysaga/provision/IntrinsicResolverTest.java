package com.paysaga.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IntrinsicResolverTest {

    private static final String TEMPLATE = """
            Parameters:
              Environment:
                Type: String
                Default: dev
            Conditions:
              IsProd: !Equals [!Ref Environment, prod]
              NotProd: !Not [!Condition IsProd]
            Mappings:
              Sizes:
                dev: {Chunk: 100}
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${AWS::StackName}-in-${AWS::AccountId}"
              Key:
                Type: AWS::KMS::Key
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      BUCKET: !Ref Bucket
                      KEY_ARN: !GetAtt Key.Arn
                      LONG_GETATT: {"Fn::GetAtt": [Key, Arn]}
                      JOINED: !Join ["/", [!Ref Bucket, "x", !Select [1, !Split [",", "a,b,c"]]]]
                      SUBVARS: !Sub ["${Name}:${Bucket}:${!Literal}", {Name: !FindInMap [Sizes, !Ref Environment, Chunk]}]
                      PROD_ONLY: !If [IsProd, "yes", !Ref AWS::NoValue]
                      NOT_PROD: !If [NotProd, "yes", "no"]
                      SUB_ATTR: !Sub "${Key.Arn}/x"
            """;

    private final CfnTemplate template = CfnTemplate.parse(TEMPLATE);

    private IntrinsicResolver resolver(String environment) {
        return new IntrinsicResolver(template, Map.of("Environment", environment),
                Map.of("AWS::StackName", "s1", "AWS::AccountId", "123456789012", "AWS::Region", "eu-west-1"),
                new IntrinsicResolver.ResourceValues() {
                    @Override
                    public String ref(String logicalId) {
                        return "phys-" + logicalId;
                    }

                    @Override
                    public String attribute(String logicalId, String attribute) {
                        return "arn:" + logicalId + ":" + attribute;
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> variables(String environment) {
        Map<String, Object> props = (Map<String, Object>) resolver(environment).resolve(template.properties("Fn"));
        return (Map<String, Object>) ((Map<String, Object>) props.get("Environment")).get("Variables");
    }

    @Test
    void shortAndLongFormsResolveToTheSameValues() {
        Map<String, Object> vars = variables("dev");
        assertThat(vars).containsEntry("BUCKET", "phys-Bucket")
                .containsEntry("KEY_ARN", "arn:Key:Arn")
                .containsEntry("LONG_GETATT", "arn:Key:Arn")
                .containsEntry("JOINED", "phys-Bucket/x/b")
                .containsEntry("SUB_ATTR", "arn:Key:Arn/x");
    }

    @Test
    void subWithVariableMapKeepsEscapedLiterals() {
        assertThat(variables("dev")).containsEntry("SUBVARS", "100:phys-Bucket:${Literal}");
    }

    @Test
    void noValueRemovesThePropertyAndConditionsFollowParameters() {
        assertThat(variables("dev")).doesNotContainKey("PROD_ONLY").containsEntry("NOT_PROD", "yes");
        assertThat(resolver("prod").resolve(Map.of("v", Map.of("Fn::If", List.of("IsProd", "yes", "no")))))
                .isEqualTo(Map.of("v", "yes"));
    }

    @Test
    void pseudoParametersResolveInsideSub() {
        assertThat(resolver("dev").resolve(template.properties("Bucket")))
                .isEqualTo(Map.of("BucketName", "s1-in-123456789012"));
    }

    @Test
    void unknownReferenceNamesWhatIsMissing() {
        assertThatThrownBy(() -> resolver("dev").resolve(Map.of("Ref", "Nope")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Nope");
    }

    @Test
    void creationOrderPutsEveryResourceAfterWhatItReferences() {
        List<String> order = TemplateProvisioner.creationOrder(template);
        assertThat(order.indexOf("Bucket")).isLessThan(order.indexOf("Fn"));
        assertThat(order.indexOf("Key")).isLessThan(order.indexOf("Fn"));
    }

    @Test
    void circularReferencesAreReportedWithTheCycle() {
        CfnTemplate cyclic = CfnTemplate.parse("""
                Resources:
                  A: {Type: AWS::SNS::Topic, Properties: {TopicName: !GetAtt B.TopicName}}
                  B: {Type: AWS::SNS::Topic, Properties: {TopicName: !GetAtt A.TopicName}}
                """);
        assertThatThrownBy(() -> TemplateProvisioner.creationOrder(cyclic))
                .isInstanceOf(TemplateException.class).hasMessageContaining("A -> B -> A");
    }

    @Test
    void invalidYamlIsATemplateExceptionNotAParserCrash() {
        assertThatThrownBy(() -> CfnTemplate.parse("Resources: [unclosed"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("not valid YAML");
    }
}

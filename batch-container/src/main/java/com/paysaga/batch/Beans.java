package com.paysaga.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.security.KmsMessages;
import com.paysaga.security.PgpDecryptor;
import com.paysaga.saga.staging.ObjectStore;
import com.paysaga.saga.staging.S3ObjectStore;

import io.quarkus.arc.DefaultBean;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The shared domain objects as beans, built on the injected (Quarkiverse-configured) SDK clients. */
@ApplicationScoped
public class Beans {

    @Produces
    @Singleton
    ObjectStore objectStore(S3Client s3) {
        return new S3ObjectStore(s3);
    }

    @Produces
    @Singleton
    @DefaultBean
    PaymentFileParsers parsers() {
        return PaymentFileParsers.standard();
    }

    @Produces
    @Singleton
    PgpDecryptor pgpDecryptor() {
        return new PgpDecryptor();
    }

    /** An Encryption SDK keyring needs the key's ARN; a bare key id or alias costs one DescribeKey. */
    static KmsMessages messages(KmsClient kms, String keyIdOrArn) {
        String arn = keyIdOrArn.startsWith("arn:") && keyIdOrArn.contains(":key/") ? keyIdOrArn
                : kms.describeKey(b -> b.keyId(keyIdOrArn)).keyMetadata().arn();
        return new KmsMessages(kms, arn);
    }
}

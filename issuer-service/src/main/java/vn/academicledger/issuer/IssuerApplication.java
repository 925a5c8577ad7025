package vn.academicledger.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The issuer service: schools import their classes' results, issue report cards, diplomas and
 * certificates, revoke them; every credential is stored before it is anchored, through an outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IssuerApplication {
    public static void main(String[] args) {
        SpringApplication.run(IssuerApplication.class, args);
    }
}

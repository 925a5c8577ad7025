package vn.academicledger.issuer.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class StatusListCachingTest {
    private static final Instant SIGNED = Instant.parse("2026-06-01T02:00:00Z");
    private final PublishedStatusList published = PublishedStatusList.of("{}", SIGNED, SIGNED.plusSeconds(900), "z6Mk", 0);

    @Test
    void a_list_may_be_cached_until_it_is_due_and_never_longer_than_max_age() {
        Duration refresh = Duration.ofMinutes(10);
        Duration maxAge = Duration.ofSeconds(60);
        assertThat(published.maxAgeSeconds(SIGNED, refresh, maxAge)).isEqualTo(60);
        assertThat(published.maxAgeSeconds(SIGNED.plusSeconds(570), refresh, maxAge)).isEqualTo(30);
        assertThat(published.maxAgeSeconds(SIGNED.plusSeconds(700), refresh, maxAge)).isZero();
        assertThat(published.dueAt(SIGNED.plusSeconds(599), refresh)).isFalse();
        assertThat(published.dueAt(SIGNED.plusSeconds(600), refresh)).isTrue();
    }

    @Test
    void serves_the_vc_media_type_unless_only_plain_json_is_asked_for() {
        assertThat(StatusListController.mediaType(null)).isEqualTo(StatusListController.VC_LD_JSON);
        assertThat(StatusListController.mediaType("*/*")).isEqualTo(StatusListController.VC_LD_JSON);
        assertThat(StatusListController.mediaType("application/json")).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(StatusListController.mediaType("application/json, application/vc+ld+json;q=0.9"))
                .isEqualTo(StatusListController.VC_LD_JSON);
        assertThat(StatusListController.mediaType("not a media type")).isEqualTo(StatusListController.VC_LD_JSON);
    }
}

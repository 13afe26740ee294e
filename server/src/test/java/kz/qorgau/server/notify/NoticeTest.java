package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A notice carries a reference and a short one-line detail, and refuses anything else at once. */
class NoticeTest {

    private static final UUID CASE = UUID.fromString("7b0c6d0e-3f57-4c55-9a66-1f1b2f7d0a11");

    private static Notice withDetail(String detail) {
        return new Notice("kzo-school-1", NoticeKind.ESCALATION_RECEIVED, CASE, "Q-2027-000123", detail);
    }

    @Test
    void aDetailOfTwoHundredCharactersIsAccepted() {
        assertThat(withDetail("x".repeat(200)).detail()).hasSize(200);
    }

    @Test
    void aLongerDetailIsRefusedWithTheLimitInTheMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withDetail("x".repeat(201)))
                .withMessageContaining("at most 200");
    }

    @Test
    void aDetailSpanningLinesOrBlankIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> withDetail("overdue\nname: Aigerim"));
        assertThatIllegalArgumentException().isThrownBy(() -> withDetail("   "));
    }

    @Test
    void noDetailIsFine() {
        assertThat(new Notice("kzo-school-1", NoticeKind.REFERRAL_RECEIVED, CASE, "Q-2027-000123", null).detail())
                .isNull();
    }

    @Test
    void aReferenceThatCouldBreakAnEmailHeaderIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Notice(
                        "kzo-school-1", NoticeKind.REFERRAL_RECEIVED, CASE, "Q-1\r\nBcc: x@example.kz", null));
    }

    @Test
    void anOrganisationCodeMustLookLikeOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Notice("", NoticeKind.REFERRAL_RECEIVED, CASE, "Q-2027-000123", null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Notice("a b", NoticeKind.REFERRAL_RECEIVED, CASE, "Q-2027-000123", null));
    }

    @Test
    void webhookEventNamesAreTheKindsInLowerCase() {
        assertThat(NoticeKind.ESCALATION_RECEIVED.event()).isEqualTo("escalation_received");
        assertThat(NoticeKind.CLOSE_APPROVAL_REQUESTED.event()).isEqualTo("close_approval_requested");
    }
}

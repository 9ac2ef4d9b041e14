package dev.returnkit.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.Cases;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the liability policy is told, by how the goods came (or did not come) back. */
@DisplayName("Liability facts")
class LiabilityFactsTest {

  @Test
  @DisplayName("after an inspection carry what the warehouse found, and no other flag")
  void ofInspection() {
    ReturnCaseSnapshot received = Cases.inState(ReturnStatus.RECEIVED).snapshot();

    LiabilityFacts facts = LiabilityFacts.ofInspection(received, new InspectionReport(
        Cases.WAREHOUSE, List.of(InspectedLine.of(Cases.L1, 1, ItemGrade.B))));

    assertThat(facts.returnId()).isEqualTo(received.id());
    assertThat(facts.lines()).singleElement().satisfies(line -> {
      assertThat(line.orderLineId()).isEqualTo(Cases.L1);
      assertThat(line.inspected()).contains(Inspection.of(ItemGrade.B));
      assertThat(line.returnless()).isFalse();
      assertThat(line.lostInTransit()).isFalse();
    });
  }

  @Test
  @DisplayName("of a lost parcel or a returnless refund say so, with nothing inspected")
  void withoutGoods() {
    ReturnCaseSnapshot approved = Cases.inState(ReturnStatus.APPROVED).snapshot();

    LiabilityLineFacts lost = LiabilityFacts.ofLoss(approved).lines().get(0);
    LiabilityLineFacts kept = LiabilityFacts.ofReturnlessRefund(approved).lines().get(0);

    assertThat(lost.inspected()).isEmpty();
    assertThat(lost.lostInTransit()).isTrue();
    assertThat(lost.returnless()).isFalse();
    assertThat(kept.inspected()).isEmpty();
    assertThat(kept.returnless()).isTrue();
    assertThat(kept.lostInTransit()).isFalse();
  }
}

package it.mssg.agent.store;

import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.ReplyOutcome;
import it.mssg.agent.application.ModeScope;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

interface KnowledgeEntryRepository extends JpaRepository<KnowledgeEntryEntity, Long> {
    List<KnowledgeEntryEntity> findAllByOrderByTitleAscIdAsc();
}

interface SettingsRepository extends JpaRepository<SettingsEntity, Integer> {
}

interface ModeRuleRepository extends JpaRepository<ModeRuleEntity, Long> {
    List<ModeRuleEntity> findByScope(ModeScope scope);

    Optional<ModeRuleEntity> findByScopeAndTargetId(ModeScope scope, long targetId);
}

interface ChatStateRepository extends JpaRepository<ChatStateEntity, Long> {
}

interface ReplyRepository extends JpaRepository<ReplyEntity, Long> {
    int countByContactIdAndRepliedAtGreaterThanEqual(long contactId, Instant since);
}

interface NeedsHumanRepository extends JpaRepository<NeedsHumanEntity, Long> {
    List<NeedsHumanEntity> findAllByOrderByFlaggedAtDesc();
}

interface HealthCounterRepository extends JpaRepository<HealthCounterEntity, HealthCounterEntity.Key> {
    @Modifying
    @Query("update HealthCounterEntity c set c.total = c.total + 1 where c.key.countedOn = :day"
            + " and c.key.outcome = :outcome and c.key.reason = :reason and c.key.thresholdMet = :met")
    int bump(@Param("day") LocalDate day, @Param("outcome") ReplyOutcome outcome, @Param("reason") ReasonCode reason,
             @Param("met") boolean thresholdMet);

    List<HealthCounterEntity> findByKeyCountedOnBetweenOrderByKeyCountedOnAsc(LocalDate from, LocalDate to);
}

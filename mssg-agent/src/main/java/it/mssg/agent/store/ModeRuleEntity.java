package it.mssg.agent.store;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.application.ModeScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "agent_mode_rule")
class ModeRuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    ModeScope scope;

    @Column(name = "target_id", nullable = false)
    long targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    AgentMode mode;
}

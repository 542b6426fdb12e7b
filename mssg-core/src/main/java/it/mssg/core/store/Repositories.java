package it.mssg.core.store;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ContactRepository extends JpaRepository<ContactEntity, Long> {

    Optional<ContactEntity> findByWaId(String waId);

    Optional<ContactEntity> findByPhoneE164(String phoneE164);

    List<ContactEntity> findByWaIdIn(Collection<String> waIds);

    List<ContactEntity> findByPhoneE164In(Collection<String> phones);
}

interface TagRepository extends JpaRepository<TagEntity, Long> {

    Optional<TagEntity> findByNameKey(String nameKey);

    Optional<TagEntity> findByWaLabelId(String waLabelId);

    List<TagEntity> findByWaLabelIdIn(Collection<String> waLabelIds);
}

interface ChatRepository extends JpaRepository<ChatEntity, Long> {

    Optional<ChatEntity> findByWaId(String waId);

    List<ChatEntity> findByWaIdIn(Collection<String> waIds);

    Optional<ChatEntity> findFirstByContactIdOrderByIdAsc(Long contactId);
}

interface MessageRepository extends JpaRepository<MessageEntity, Long> {

    List<MessageEntity> findByWaMessageIdIn(Collection<String> waMessageIds);
}

interface SettingRepository extends JpaRepository<SettingEntity, String> {
}

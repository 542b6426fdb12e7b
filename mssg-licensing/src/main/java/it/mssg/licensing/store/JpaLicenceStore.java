package it.mssg.licensing.store;

import it.mssg.licensing.application.LicenceStore;
import it.mssg.licensing.domain.InstallIds;
import it.mssg.licensing.domain.StoredLicence;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the licence client's record in {@code licence_client}, creating it with a new install id on first use. */
@Component
class JpaLicenceStore implements LicenceStore {

    private final ClientLicenceRepository repository;

    JpaLicenceStore(ClientLicenceRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional
    public StoredLicence load() {
        ClientLicenceEntity entity = repository.findById(ClientLicenceEntity.THE_ROW)
                .orElseGet(() -> repository.save(new ClientLicenceEntity(InstallIds.newInstallId())));
        return new StoredLicence(entity.installId(), entity.token(), entity.licenceId(), entity.status(),
                entity.email(), entity.lastSeenAt(), entity.lastRefreshedAt());
    }

    @Override
    @Transactional
    public void save(StoredLicence licence) {
        ClientLicenceEntity entity = repository.findById(ClientLicenceEntity.THE_ROW)
                .orElseGet(() -> new ClientLicenceEntity(licence.installId()));
        if (!entity.installId().equals(licence.installId())) {
            throw new IllegalStateException("the install id never changes");
        }
        entity.update(licence.token(), licence.licenceId(), licence.status(), licence.email(),
                licence.lastSeenAt(), licence.lastRefreshedAt());
        repository.save(entity);
    }
}

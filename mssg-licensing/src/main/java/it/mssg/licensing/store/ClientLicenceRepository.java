package it.mssg.licensing.store;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClientLicenceRepository extends JpaRepository<ClientLicenceEntity, Integer> {
}

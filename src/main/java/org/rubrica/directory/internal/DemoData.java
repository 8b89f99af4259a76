package org.rubrica.directory.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.rubrica.directory.Membership;
import org.rubrica.directory.Role;
import org.rubrica.directory.UnitKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fictional municipality for demonstrations and first steps, created once against an empty database
 * when {@code rubrica.demo-data.enabled=true}. Every demo person's password is {@link #PASSWORD}.
 */
@Component
@ConditionalOnBooleanProperty("rubrica.demo-data.enabled")
class DemoData {

    static final String PASSWORD = "Rubrica.2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** code, name, kind; the parent is the code before the last slash. */
    private static final String[][] UNITS = {
            {"SAY", "Secretaría del Ayuntamiento", "AGENCY"},
            {"SAY/DJ", "Dirección Jurídica", "DIRECTORATE"},
            {"SAY/DAC", "Dirección de Archivo y Correspondencia", "DIRECTORATE"},
            {"TES", "Tesorería Municipal", "AGENCY"},
            {"TES/DI", "Dirección de Ingresos", "DIRECTORATE"},
            {"TES/DE", "Dirección de Egresos", "DIRECTORATE"},
            {"SOP", "Secretaría de Obras Públicas", "AGENCY"},
            {"SOP/DOP", "Dirección de Obras Públicas", "DIRECTORATE"},
            {"SOP/DPU", "Dirección de Planeación Urbana", "DIRECTORATE"},
            {"SOP/DOP/DC", "Departamento de Construcción", "DEPARTMENT"},
            {"SDS", "Secretaría de Desarrollo Social", "AGENCY"},
            {"SDS/DPS", "Dirección de Programas Sociales", "DIRECTORATE"},
            {"SDS/DSA", "Dirección de Salud", "DIRECTORATE"},
            {"SEC", "Secretaría de Educación y Cultura", "AGENCY"},
            {"SEC/DGE", "Dirección General de Educación", "DIRECTORATE"},
            {"SEC/DCU", "Dirección de Cultura", "DIRECTORATE"},
            {"CON", "Contraloría Municipal", "AGENCY"},
            {"CON/DA", "Dirección de Auditoría", "DIRECTORATE"},
            {"SAD", "Secretaría de Administración", "AGENCY"},
            {"SAD/DRH", "Dirección de Recursos Humanos", "DIRECTORATE"},
            {"SAD/DTI", "Dirección de Tecnologías de la Información", "DIRECTORATE"},
    };

    /** unit code, full name, cargo, roles; the first SIGNER listed for a unit becomes its head. */
    private static final String[][] PEOPLE = {
            {"SAY", "Lic. Rosa María Gutiérrez Salinas", "Secretaria del Ayuntamiento", "SIGNER REVIEWER"},
            {"SAY", "Jorge Alberto Méndez Ruiz", "Encargado de Oficialía de Partes", "RECEIVING_OFFICE"},
            {"SAY/DJ", "Lic. Fernando Ibáñez Cordero", "Director Jurídico", "SIGNER REVIEWER"},
            {"SAY/DJ", "Lic. Paola Andrea Ríos Castañeda", "Abogada Dictaminadora", "DRAFTER"},
            {"SAY/DAC", "Mtra. Guadalupe Herrera Nava", "Directora de Archivo y Correspondencia", "SIGNER REVIEWER"},
            {"SAY/DAC", "Luis Ángel Domínguez Peña", "Auxiliar de Correspondencia", "DRAFTER RECEIVING_OFFICE"},
            {"TES", "C.P. Ricardo Salazar Montes", "Tesorero Municipal", "SIGNER REVIEWER"},
            {"TES", "María Fernanda Cruz Olvera", "Recepcionista de Tesorería", "RECEIVING_OFFICE"},
            {"TES/DI", "C.P. Alejandra Núñez Becerra", "Directora de Ingresos", "SIGNER REVIEWER"},
            {"TES/DI", "Héctor Iván Galindo Sosa", "Analista de Ingresos", "DRAFTER"},
            {"TES/DE", "Lic. Martín Orozco Villanueva", "Director de Egresos", "SIGNER REVIEWER"},
            {"TES/DE", "Karla Jiménez Aguilar", "Analista de Egresos", "DRAFTER"},
            {"SOP", "Ing. Sergio Ramírez Treviño", "Secretario de Obras Públicas", "SIGNER REVIEWER"},
            {"SOP", "Adriana Lozano Quintero", "Encargada de Oficialía de Partes", "RECEIVING_OFFICE"},
            {"SOP/DOP", "Arq. Beatriz Elena Campos Rangel", "Directora de Obras Públicas", "SIGNER REVIEWER"},
            {"SOP/DOP", "Ing. Miguel López Serrano", "Coordinador de Proyectos", "DRAFTER REVIEWER"},
            {"SOP/DPU", "Arq. Tomás Villarreal Ochoa", "Director de Planeación Urbana", "SIGNER REVIEWER"},
            {"SOP/DPU", "Daniela Sánchez Robles", "Analista de Planeación", "DRAFTER"},
            {"SOP/DOP/DC", "Ing. Raúl Esquivel Mora", "Jefe del Departamento de Construcción", "SIGNER REVIEWER"},
            {"SOP/DOP/DC", "Óscar Medina Fuentes", "Supervisor de Obra", "DRAFTER"},
            {"SDS", "Lic. Claudia Patricia Vega Arriaga", "Secretaria de Desarrollo Social", "SIGNER REVIEWER"},
            {"SDS", "José Ramírez Cárdenas", "Encargado de Mesa de Entrada", "RECEIVING_OFFICE"},
            {"SDS/DPS", "Mtro. Eduardo Flores Lara", "Director de Programas Sociales", "SIGNER REVIEWER"},
            {"SDS/DPS", "Ana Sofía Morales Ponce", "Promotora Social", "DRAFTER"},
            {"SDS/DSA", "Dra. Lucía Escobar Miranda", "Directora de Salud", "SIGNER REVIEWER"},
            {"SDS/DSA", "Iván Contreras Ávila", "Coordinador de Salud Pública", "DRAFTER"},
            {"SEC", "Mtra. Teresa Aguirre Báez", "Secretaria de Educación y Cultura", "SIGNER REVIEWER"},
            {"SEC", "Verónica Pérez Solís", "Encargada de Oficialía de Partes", "RECEIVING_OFFICE"},
            {"SEC/DGE", "Prof. Alfonso Cervantes Duarte", "Director General de Educación", "SIGNER REVIEWER"},
            {"SEC/DGE", "Gabriela Torres Espinoza", "Asistente de Dirección", "DRAFTER RECEIVING_OFFICE"},
            {"SEC/DCU", "Lic. Natalia Bravo Quiroga", "Directora de Cultura", "SIGNER REVIEWER"},
            {"SEC/DCU", "Emilio Castro Valdés", "Gestor Cultural", "DRAFTER"},
            {"CON", "C.P. Arturo Maldonado Reyes", "Contralor Municipal", "SIGNER REVIEWER AUDITOR"},
            {"CON", "Silvia Navarro Gallegos", "Recepcionista de Contraloría", "RECEIVING_OFFICE"},
            {"CON/DA", "C.P. Mónica Rosales Ibarra", "Directora de Auditoría", "SIGNER REVIEWER AUDITOR"},
            {"CON/DA", "Rodrigo Peña Zamora", "Auditor", "AUDITOR DRAFTER"},
            {"SAD", "Lic. Francisco Javier Luna Herrera", "Secretario de Administración", "SIGNER REVIEWER"},
            {"SAD", "Elena Vargas Cisneros", "Encargada de Oficialía de Partes", "RECEIVING_OFFICE"},
            {"SAD/DRH", "Lic. Patricia Mendoza Guerrero", "Directora de Recursos Humanos", "SIGNER REVIEWER"},
            {"SAD/DRH", "Cristina Ortega Luján", "Analista de Personal", "DRAFTER"},
            {"SAD/DTI", "Ing. Roberto Carlos Delgado Paz", "Director de Tecnologías de la Información", "SIGNER REVIEWER ORG_ADMIN"},
            {"SAD/DTI", "Ing. Diana Montes de Oca Ruiz", "Administradora de Sistemas", "ORG_ADMIN TEMPLATE_ADMIN"},
            {"SAD/DTI", "Lic. Andrés Felipe Soto Marín", "Diseñador de Formatos Institucionales", "TEMPLATE_ADMIN DRAFTER"},
            {"SAD/DTI", "Julio César Fuentes Rivas", "Desarrollador", "DRAFTER"},
            {"SAD/DRH", "Laura Ivette Castillo Moreno", "Auxiliar Administrativa", "DRAFTER"},
    };

    /** Fixed user names for the logins the README lists. */
    private static final Map<String, String> README_LOGINS = Map.of(
            "Ing. Diana Montes de Oca Ruiz", "admin",
            "Ing. Miguel López Serrano", "mlopez",
            "Gabriela Torres Espinoza", "gtorres",
            "Prof. Alfonso Cervantes Duarte", "acervantes",
            "Lic. Andrés Felipe Soto Marín", "plantillas",
            "C.P. Mónica Rosales Ibarra", "auditoria");

    private final DirectoryRepository repository;
    private final PasswordEncoder passwords;

    DemoData(DirectoryRepository repository, PasswordEncoder passwords) {
        this.repository = repository;
        this.passwords = passwords;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void createIfEmpty() {
        if (repository.institution().isPresent()) {
            return;
        }
        long institution = repository.insertInstitution("Municipio de San Andrés del Valle", "MSAV",
                "San Andrés del Valle");
        Map<String, Long> units = new HashMap<>();
        for (String[] u : UNITS) {
            String code = u[0];
            Long parent = code.contains("/") ? units.get(code.substring(0, code.lastIndexOf('/'))) : null;
            units.put(code, repository.insertUnit(institution, parent, code, u[1], UnitKind.valueOf(u[2])));
        }
        // one hash for everyone: demo accounts share a password, and Argon2 is deliberately slow
        String hash = passwords.encode(PASSWORD);
        Set<String> usernames = new HashSet<>();
        Set<String> unitsWithHead = new HashSet<>();
        for (String[] p : PEOPLE) {
            long unitId = units.get(p[0]);
            String username = README_LOGINS.getOrDefault(p[1], uniqueUsername(p[1], usernames));
            usernames.add(username);
            long personId = repository.insertPerson(username, p[1], p[2], username + "@sanandres.gob.example", hash,
                    unitId);
            Set<Membership> memberships = new LinkedHashSet<>();
            for (String role : p[3].split(" ")) {
                memberships.add(new Membership(unitId, Role.valueOf(role)));
            }
            repository.replaceMemberships(personId, memberships);
            if (p[3].contains("SIGNER") && unitsWithHead.add(p[0])) {
                var unit = repository.unit(unitId).orElseThrow();
                repository.updateUnit(unitId, unit.parentId(), unit.code(), unit.name(), unit.kind(), personId, true);
            }
        }
        log.info("Demo data created: {} units and {} people; every password is the demo one in README.md",
                UNITS.length, PEOPLE.length);
    }

    /** First initial plus first surname, ignoring titles and accents: "Ing. Raúl Esquivel Mora" → "resquivel". */
    static String uniqueUsername(String fullName, Set<String> taken) {
        List<String> words = new ArrayList<>(List.of(fullName.split(" ")));
        words.removeIf(w -> w.endsWith("."));
        String plain = Normalizer.normalize(words.get(0).charAt(0) + surname(words), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String candidate = plain;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = plain + i;
        }
        return candidate;
    }

    private static String surname(List<String> words) {
        // names have one or two given names; the first surname is the second-to-last word
        return words.get(Math.max(1, words.size() - 2));
    }
}

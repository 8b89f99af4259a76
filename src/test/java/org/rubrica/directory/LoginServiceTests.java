package org.rubrica.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.springframework.beans.factory.annotation.Autowired;

@RubricaTest
class LoginServiceTests {

    @Autowired LoginService logins;

    @Test
    void the_right_password_logs_in_with_the_persons_roles() {
        var auth = logins.login("mlopez", Acting.PASSWORD);
        assertThat(auth.getName()).isEqualTo("mlopez");
        assertThat(auth.getAuthorities()).extracting(Object::toString).contains("ROLE_DRAFTER", "ROLE_REVIEWER");
    }

    @Test
    void user_names_are_not_case_sensitive() {
        assertThat(logins.login("  MLopez ", Acting.PASSWORD).getName()).isEqualTo("mlopez");
    }

    @Test
    void an_unknown_user_and_a_wrong_password_fail_alike() {
        assertThatThrownBy(() -> logins.login("nadie", "x")).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(LoginFailedException.Reason.BAD_CREDENTIALS));
        assertThatThrownBy(() -> logins.login("hgalindo", "wrong")).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(LoginFailedException.Reason.BAD_CREDENTIALS));
    }

    @Test
    void guesses_sent_in_parallel_all_count_towards_the_lock() throws Exception {
        String user = "amorales";
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Callable<Object>> guesses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                guesses.add(() -> {
                    try {
                        return logins.login(user, "wrong");
                    } catch (LoginFailedException e) {
                        return e.reason();
                    }
                });
            }
            for (Future<Object> guess : pool.invokeAll(guesses)) {
                guess.get();
            }
        }
        assertThatThrownBy(() -> logins.login(user, Acting.PASSWORD)).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(LoginFailedException.Reason.LOCKED));
    }

    @Test
    void five_failures_in_a_row_lock_the_account_even_for_the_right_password() {
        String user = "ecastro";
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> logins.login(user, "wrong")).isInstanceOfSatisfying(LoginFailedException.class,
                    e -> assertThat(e.reason()).isEqualTo(LoginFailedException.Reason.BAD_CREDENTIALS));
        }
        assertThatThrownBy(() -> logins.login(user, "wrong")).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(LoginFailedException.Reason.LOCKED));
        assertThatThrownBy(() -> logins.login(user, Acting.PASSWORD)).isInstanceOfSatisfying(LoginFailedException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(LoginFailedException.Reason.LOCKED);
                    assertThat(e.lockedUntil()).isNotNull();
                });
    }

    @Test
    void a_success_resets_the_failure_count() {
        String user = "dsanchez";
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> logins.login(user, "wrong")).isInstanceOf(LoginFailedException.class);
        }
        logins.login(user, Acting.PASSWORD);
        assertThatThrownBy(() -> logins.login(user, "wrong")).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(LoginFailedException.Reason.BAD_CREDENTIALS));
        assertThat(logins.login(user, Acting.PASSWORD).getName()).isEqualTo(user);
    }
}

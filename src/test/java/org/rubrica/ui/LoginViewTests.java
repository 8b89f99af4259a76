package org.rubrica.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LoginFormKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;

class LoginViewTests extends KaribuTest {

    @Test
    void anonymous_visitors_are_sent_to_the_login_page() {
        UI.getCurrent().navigate("oficios");
        assertThat(_find(LoginView.class)).hasSize(1);
    }

    @Test
    void the_right_password_logs_in_and_opens_the_home_page() {
        UI.getCurrent().navigate(LoginView.class);
        LoginFormKt._login(_get(LoginForm.class), "mlopez", Acting.PASSWORD);
        assertThat(acting.current().getName()).isEqualTo("mlopez");
        assertThat(_find(HomeView.class)).hasSize(1);
    }

    @Test
    void a_wrong_password_shows_the_error_in_spanish() {
        UI.getCurrent().navigate(LoginView.class);
        LoginForm form = _get(LoginForm.class);
        LoginFormKt._login(form, "mlopez", "equivocada");
        assertThat(form.isError()).isTrue();
        assertThat(_get(LoginView.class).errorTitle()).isEqualTo("Usuario o contraseña incorrectos");
        assertThat(_find(HomeView.class)).isEmpty();
    }

    @Test
    void repeated_failures_lock_the_account_and_say_so() {
        UI.getCurrent().navigate(LoginView.class);
        LoginForm form = _get(LoginForm.class);
        for (int i = 0; i < 5; i++) {
            LoginFormKt._login(form, "lescobar", "equivocada");
        }
        assertThat(_get(LoginView.class).errorTitle()).isEqualTo("Cuenta bloqueada temporalmente");
        LoginFormKt._login(form, "lescobar", Acting.PASSWORD);
        assertThat(_get(LoginView.class).errorTitle()).isEqualTo("Cuenta bloqueada temporalmente");
        assertThat(_find(HomeView.class)).isEmpty();
    }
}

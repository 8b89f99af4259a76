package org.rubrica.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.api.ApiModels.TokenRequest;
import org.rubrica.api.ApiModels.TokenResponse;
import org.rubrica.api.internal.ApiTokens;
import org.rubrica.directory.LoginService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final LoginService logins;
    private final ApiTokens tokens;

    AuthController(LoginService logins, ApiTokens tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    @PostMapping("/token")
    @Operation(summary = "Obtain a bearer token",
            description = "Same rules as the login page: repeated failures lock the account for a while.")
    TokenResponse token(@RequestBody TokenRequest request) {
        var issued = tokens.issue(logins.login(request.username(), request.password()));
        return new TokenResponse(issued.token(), "Bearer", issued.expiresInSeconds(), issued.expiresAt());
    }
}

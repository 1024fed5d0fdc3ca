namespace Rator.Sandbox.OAuth;

/// <summary>
/// Only for the error-description-localized defect: what a naive translation of the messages looks
/// like. The accented letters are exactly what RFC 6749 §5.2 forbids in error_description (ER-03).
/// </summary>
internal static class ItalianDescriptions
{
    public static string For(string error) => error switch
    {
        OAuthErrors.InvalidGrant => "Credenziali non valide: l'accesso è negato",
        OAuthErrors.InvalidClient => "Autenticazione del client non riuscita: è richiesta",
        OAuthErrors.UnauthorizedClient => "Il client non è autorizzato",
        OAuthErrors.UnsupportedGrantType => "Tipo di concessione non è supportato",
        OAuthErrors.InvalidScope => "Ambito non è valido",
        _ => "Richiesta non valida: un parametro è mancante o errato",
    };
}

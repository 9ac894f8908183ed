namespace DockerApiGen.Runtime.Configuration;

/// <summary>
/// One entry of <c>auths</c> in the docker config: usually <c>auth</c> (base64 of <c>user:password</c>), sometimes an
/// identity token, rarely a plain user name and password. <see cref="ToString"/> never shows a secret.
/// </summary>
/// <param name="Auth">The base64 <c>user:password</c>, if any.</param>
/// <param name="Username">A plain user name, if any.</param>
/// <param name="Password">A plain password, if any.</param>
/// <param name="IdentityToken">An identity (refresh) token, if any.</param>
public sealed record StoredAuth(string? Auth, string? Username, string? Password, string? IdentityToken)
{
    /// <inheritdoc />
    public override string ToString()
        => $"StoredAuth {{ Username = {Username}, Auth = {Mask(Auth)}, Password = {Mask(Password)}, IdentityToken = {Mask(IdentityToken)} }}";

    private static string Mask(string? secret) => secret is null ? "none" : "***";
}

namespace DockerApiGen.Registry.Http;

/// <summary>Surfaces a <see cref="RegistryTlsException"/> that .NET wrapped in an <see cref="HttpRequestException"/>, so the reason is the error's message.</summary>
internal sealed class TlsFailureHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (Find(ex) is { } tls)
        {
            throw new RegistryTlsException(tls.Host, tls.Message);
        }
    }

    private static RegistryTlsException? Find(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is RegistryTlsException tls)
            {
                return tls;
            }
        }

        return null;
    }
}

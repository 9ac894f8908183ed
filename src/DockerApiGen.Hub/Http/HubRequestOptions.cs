namespace DockerApiGen.Hub.Http;

/// <summary>What the connection tells the handlers below it about a request: the operation it belongs to, for errors.</summary>
internal static class HubRequestOptions
{
    public static readonly HttpRequestOptionsKey<string> Operation = new("DockerApiGen.Hub.Operation");

    /// <summary>The request's operation, or its method and path when it was not sent by the connection.</summary>
    public static string OperationOf(HttpRequestMessage request)
        => request.Options.TryGetValue(Operation, out var operation) ? operation : $"{request.Method} {request.RequestUri?.AbsolutePath}";
}

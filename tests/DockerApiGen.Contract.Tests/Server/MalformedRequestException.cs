namespace DockerApiGen.Contract.Tests.Server;

/// <summary>The bytes on a connection are not an HTTP/1.1 request; the server records why and closes it.</summary>
/// <param name="message">What is wrong.</param>
public sealed class MalformedRequestException(string message) : Exception(message);

using System.Reflection;
using DockerApiGen.Contract.Tests.Driver;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Runtime;
using DockerApiGen.Runtime.Errors;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Contract.Tests.DriverTests;

/// <summary>
/// The newest committed package, negotiating, against the spec server playing an older daemon (1.44, and 1.41,
/// below the contract range): every operation the older version has goes to its <c>/v1.NN/</c> path and, with the
/// values that version lacks dropped, validates against that version's spec; every operation it lacks, and every
/// value when not dropping, is refused before anything is sent.
/// </summary>
public sealed class NegotiatedClientContractTests
{
    /// <summary>The versions the server plays.</summary>
    public static readonly string[] OlderVersions = ["1.44", "1.41"];

    private static readonly string[] Probe = ["SystemPing", "SystemVersion"];

    // The specs before v1.52 describe a plugin's interface types as objects; the daemon has always sent them as
    // strings ("docker.volumedriver/1.0", moby's PluginInterfaceType marshals as text), which v1.52 fixed. A
    // v1.55 model cannot read the older spec's sample of them, so for these the request is checked and the
    // answer's failure must be exactly that.
    private static readonly HashSet<string> AnswersTheOlderSpecGetsWrong = ["PluginList", "PluginInspect", "PluginDelete"];

    /// <summary>The client: the newest committed package.</summary>
    private static ApiVersion Client => ContractSpecs.Versions[^1];

    public static TheoryData<string, string> Cases
        => [.. from older in OlderVersions
               from generated in GeneratedClients.Operations(Client)
               select (older, generated.Operation.OperationId)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_operation_goes_to_the_older_versions_path_and_validates_against_its_spec_or_is_refused_before_sending(string older, string operationId)
    {
        var olderSpec = await ContractSpecs.GetAsync(ApiVersion.Parse(older));
        var clientSpec = await ContractSpecs.GetAsync(Client);
        var generated = GeneratedClients.Operations(Client).Single(g => g.Operation.OperationId == operationId);
        var olderOperation = olderSpec.Operations.SingleOrDefault(o => o.Method == generated.Operation.Method && Endpoint(o.PathTemplate) == Endpoint(generated.Operation.Path));

        // The marker says what the older spec says: the operation is there exactly when it is not newer.
        var since = generated.Operation.Since is { } s ? ApiVersion.Parse(s) : (ApiVersion?)null;
        Assert.Equal(olderOperation is not null, since is null || since <= ApiVersion.Parse(older));

        foreach (var requiredOnly in new[] { false, true })
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await using var server = SpecServer.Start(olderSpec);
            var dropped = new DroppedValues();
            using (var client = Create(server.Endpoint, drop: true, dropped))
            {
                var arguments = new ArgumentSynthesizer(clientSpec.Operation(operationId)).For(generated.Method, requiredOnly, timeout.Token);
                var call = () => ResultConsumer.ConsumeAsync(generated.Method, generated.Method.Invoke(generated.SubClient.GetValue(client), BindingFlags.DoNotWrapExceptions, null, arguments, null), older, timeout.Token);
                if (olderOperation is null)
                {
                    var refused = await Assert.ThrowsAsync<DockerUnsupportedFeatureException>(call);
                    Assert.True(refused.IsOperation);
                    Assert.Equal((older, generated.Operation.Since), (refused.NegotiatedVersion, refused.Features[0].Since));
                    Assert.Equal(Probe, server.Requests.Select(r => r.OperationId));
                    continue;
                }

                if (AnswersTheOlderSpecGetsWrong.Contains(operationId))
                {
                    var unreadable = await Assert.ThrowsAsync<System.Text.Json.JsonException>(call);
                    Assert.Contains(".Config.Interface.Types[0]", unreadable.Message, StringComparison.Ordinal);
                }
                else
                {
                    await call();
                }
            }

            Assert.Equal(Probe, server.Requests.Take(2).Select(r => r.OperationId));
            var recorded = Assert.Single(server.Requests.Skip(2));
            Assert.Equal(olderOperation.OperationId, recorded.OperationId);
            Assert.StartsWith($"/v{older}/", recorded.Request.RawPath, StringComparison.Ordinal);

            // Enum values are not versioned (the enums are open: a newer value passes on and the daemon decides;
            // older daemons often take values their docs listed only later, as the "local" log driver). Anything else
            // the older spec lacks must have been dropped.
            var violations = recorded.Violations.Where(v => !v.Problem.Contains("is not one of the spec's values", StringComparison.Ordinal)).ToList();
            Assert.True(violations.Count == 0, $"{(requiredOnly ? "required only" : "all arguments")}, after dropping {dropped}: {recorded}");
            Assert.Empty(server.Errors);
        }
    }

    [Theory]
    [InlineData("1.41", "ContainerStop", "query parameter 'signal' (API 1.42)")]
    [InlineData("1.44", "ImageList", "query parameter 'manifests' (API 1.47)")]
    public async Task Without_dropping_a_value_the_older_version_lacks_refuses_the_call_before_sending(string older, string operationId, string feature)
    {
        await using var server = SpecServer.Start(await ContractSpecs.GetAsync(ApiVersion.Parse(older)));
        var generated = GeneratedClients.Operations(Client).Single(g => g.Operation.OperationId == operationId);
        using var client = Create(server.Endpoint, drop: false, new DroppedValues());
        var arguments = new ArgumentSynthesizer((await ContractSpecs.GetAsync(Client)).Operation(operationId)).For(generated.Method, requiredOnly: false, TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<DockerUnsupportedFeatureException>(() => ResultConsumer.ConsumeAsync(generated.Method, generated.Method.Invoke(generated.SubClient.GetValue(client), BindingFlags.DoNotWrapExceptions, null, arguments, null), older, TestContext.Current.CancellationToken));

        Assert.False(refused.IsOperation);
        Assert.Contains(feature, refused.Features.Select(f => f.ToString()));
        Assert.Equal(Probe, server.Requests.Select(r => r.OperationId));
        Assert.Contains($"DockerApiGen.Engine.V{older.Replace('.', '_')} is the package that matches this daemon", refused.Message, StringComparison.Ordinal);
    }

    private static IDisposable Create(string endpoint, bool drop, DroppedValues dropped)
        => (IDisposable)Activator.CreateInstance(GeneratedClients.ClientType(Client), new DockerClientOptions { Endpoint = endpoint, NegotiateApiVersion = true, DropUnsupportedValues = drop, Logger = dropped })!;

    private static string Endpoint(string path) => System.Text.RegularExpressions.Regex.Replace(path, "{[^}]*}", "{}");

    /// <summary>What the client logged as dropped.</summary>
    private sealed class DroppedValues : ILogger
    {
        private readonly List<string> _lines = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add(formatter(state, exception));
            }
        }

        public override string ToString() => _lines.Count == 0 ? "nothing" : string.Join("; ", _lines);
    }
}

using System.Reflection;
using DockerApiGen.Contract.Tests.Driver;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Validation;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Hub.Auth;
using DockerApiGen.Hub.Http;

namespace DockerApiGen.Contract.Tests.DriverTests;

/// <summary>
/// Every operation of both pinned Docker Hub snapshots against the spec server, signed in as the runtime does: the
/// generated client's methods with synthesized arguments (all of them, then only the required ones), the token
/// endpoints through the runtime's sign-in. The server must see exactly the expected requests, each without a
/// violation of the snapshot's spec (bearer tokens included), and the client must read every answer.
/// </summary>
public sealed class HubClientContractTests
{
    /// <summary>The account the server knows.</summary>
    public const string User = "contract-user";

    /// <summary>Its personal access token.</summary>
    public const string Token = "dckr_pat_contract-secret";

    /// <summary>The organization's SCIM API token.</summary>
    public const string ScimToken = "scim-contract-token";

    private static readonly IReadOnlyDictionary<string, string> HandWritten = ContractSpecs.Hub.Inputs.Operations.HandWritten;

    public static TheoryData<string, string> Operations
        => [.. from version in ContractSpecs.Hub.Versions
               from operation in ContractSpecs.Hub.GetAsync(version).GetAwaiter().GetResult().Operations
               where !HandWritten.ContainsKey(operation.OperationId)
               select (version.ToString(), operation.OperationId)];

    public static TheoryData<string, string> TokenOperations
        => [.. from version in ContractSpecs.Hub.Versions
               from operation in ContractSpecs.Hub.GetAsync(version).GetAwaiter().GetResult().Operations
               where HandWritten.ContainsKey(operation.OperationId)
               select (version.ToString(), operation.OperationId)];

    public static TheoryData<string> Versions => [.. ContractSpecs.Hub.Versions.Select(v => v.ToString())];

    [Theory]
    [MemberData(nameof(Operations))]
    public Task Each_call_with_every_argument_sends_what_the_snapshot_declares_and_reads_the_answer(string version, string operationId)
        => CallAndCheckAsync(Parse(version), operationId, requiredOnly: false);

    [Theory]
    [MemberData(nameof(Operations))]
    public Task Each_call_with_only_required_arguments_sends_what_the_snapshot_declares_and_reads_the_answer(string version, string operationId)
        => CallAndCheckAsync(Parse(version), operationId, requiredOnly: true);

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Every_operation_of_a_snapshot_has_one_generated_method_or_is_the_runtimes(string version)
    {
        var snapshot = Parse(version);
        var spec = await ContractSpecs.Hub.GetAsync(snapshot);
        var generated = HubClients.Operations(await HubClients.AssemblyAsync(snapshot)).Select(g => g.Operation.OperationId);
        var served = spec.Operations.Select(o => o.OperationId).Where(HandWritten.ContainsKey);

        Assert.Equal(spec.Operations.Select(o => o.OperationId).Order(StringComparer.Ordinal), generated.Concat(served).Order(StringComparer.Ordinal));
        Assert.Subset(ContractSpecs.Hub.Versions.Select(v => v.ToString()).ToHashSet(), new HashSet<string> { "2024-08", "2025-03" }); // may grow, never shrink
    }

    [Theory]
    [MemberData(nameof(TokenOperations))]
    public async Task Each_token_endpoint_is_called_by_the_runtimes_sign_in_as_the_snapshot_declares(string version, string operationId)
    {
        var spec = await ContractSpecs.Hub.GetAsync(Parse(version));
        var secondFactor = operationId == "PostUsers2FALogin";
        var usersLogin = operationId != "AuthCreateAccessToken";
        var tokens = new TokenAuthority(User, Token, TimeProvider.System) { TwoFactorCode = secondFactor ? "123456" : null };
        await using var server = SpecServer.Start(spec, new SpecServerOptions { Tokens = tokens });
        using var connection = new HubConnection(new HubClientOptions
        {
            BaseAddress = HubClients.BaseAddress,
            Credentials = HubCredentials.PersonalAccessToken(User, Token),
            LoginEndpoint = usersLogin ? HubLoginEndpoint.UsersLogin : HubLoginEndpoint.AccessToken,
            TwoFactorCodeProvider = secondFactor ? (_, _) => ValueTask.FromResult<string?>("123456") : null,
            ConfigureHandler = HubClients.UnixSocket(server.SocketPath),
        });

        var result = await connection.Authentication.LoginAsync(TestContext.Current.CancellationToken);

        Assert.Null(result.TwoFactorChallenge);
        Assert.Equal(1, tokens.Exchanges);
        Assert.Equal(secondFactor ? ["PostUsersLogin", "PostUsers2FALogin"] : [operationId], server.Requests.Select(r => r.OperationId));
        Assert.All(server.Requests, r => Assert.True(r.Violations.Count == 0, r.ToString()));
        Assert.Empty(server.Errors);
    }

    private static ApiVersion Parse(string version) => ApiVersion.Parse(version, VersionScheme.Date);

    private static async Task CallAndCheckAsync(ApiVersion version, string operationId, bool requiredOnly)
    {
        var spec = await ContractSpecs.Hub.GetAsync(version);
        var operation = spec.Operation(operationId);
        var generated = HubClients.Operations(await HubClients.AssemblyAsync(version)).Single(g => g.Operation.OperationId == operationId);
        Assert.Equal((operation.Method, operation.PathTemplate), (generated.Operation.Method, generated.Operation.Path));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var tokens = new TokenAuthority(User, Token, TimeProvider.System);
        if (spec.SecuritySchemes.ContainsKey("bearerSCIMAuth"))
        {
            tokens.FixedTokens["bearerSCIMAuth"] = ScimToken;
        }

        await using var server = SpecServer.Start(spec, new SpecServerOptions { Tokens = tokens, RateLimitPerMinute = 180 });
        var usersLogin = spec.Operations.All(o => o.OperationId != "AuthCreateAccessToken");
        using (var client = HubClients.Create(await HubClients.AssemblyAsync(version), new HubClientSetup(server.SocketPath, User, Token, usersLogin, ScimToken)))
        {
            var arguments = new ArgumentSynthesizer(operation);
            var values = arguments.For(generated.Method, requiredOnly, timeout.Token);
            var returned = generated.Method.Invoke(generated.SubClient.GetValue(client), BindingFlags.DoNotWrapExceptions, null, values, null);
            await ResultConsumer.ConsumeAsync(generated.Method, returned, version.ToString(), timeout.Token, operation);

            Assert.All(server.Requests, r => Assert.True(r.Violations.Count == 0, r.ToString()));
            var isScim = operation.PathTemplate.StartsWith("/v2/scim/", StringComparison.Ordinal);
            var signIn = server.Requests.Where(r => r.OperationId is { } id && HandWritten.ContainsKey(id)).ToList();
            Assert.Equal(isScim ? 0 : 1, signIn.Count); // SCIM calls carry the SCIM API token, every other call one exchanged token
            var calls = server.Requests.Except(signIn).ToList();
            Assert.All(calls, c => Assert.Equal(operationId, c.OperationId));
            Assert.Equal(PagedResponse.IsPage(spec, operation) ? PagedResponse.Pages : 1, calls.Count);
            foreach (var call in calls)
            {
                Assert.All(operation.In(ParameterLocation.Path), p => Assert.Equal(ArgumentSynthesizer.Awkward, call.PathValues[p.Name]));
                var query = QueryString.Parse(call.Request.RawQuery, []);
                Assert.All(arguments.ExpectedQuery, expected => Assert.Contains(expected, query));
            }
        }

        Assert.Empty(server.Errors);
    }
}

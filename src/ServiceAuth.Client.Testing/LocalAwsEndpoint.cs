using Microsoft.Extensions.Hosting;
using ServiceAuth.Client.Testing.Internal;
using ServiceAuth.Client.Testing.Internal.Api;
using ServiceAuth.Client.Testing.Internal.Cognito;
using ServiceAuth.Client.Testing.Internal.Hosting;
using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Sts;

namespace ServiceAuth.Client.Testing;

/// <summary>
/// A local AWS-compatible endpoint for tests. It verifies the SigV4 signature of every request, implements STS
/// <c>AssumeRole</c> and SNS <c>Publish</c>/<c>PublishBatch</c> in the awsQuery wire format, EventBridge <c>PutEvents</c> in
/// awsJson 1.1, SQS queues in awsJson 1.0 with SNS subscriptions (signed envelopes or raw delivery), serves IAM-authorized API
/// routes with resource policies, Cognito-compatible user pools with JWT-authorized routes, and has fault knobs. Run it on Kestrel (<see cref="StartAsync"/>) or in memory
/// (<see cref="CreateInMemory"/> with <see cref="CreateHandler"/>); both share one request pipeline.
/// </summary>
public sealed partial class LocalAwsEndpoint : IAsyncDisposable
{
    private static readonly Uri InMemoryAddress = new("http://local-aws.test/");
    private readonly EndpointState _state;
    private readonly EndpointPipeline _pipeline;
    private IHost? _host;

    private LocalAwsEndpoint(LocalAwsEndpointOptions options, Uri baseAddress)
    {
        _state = new EndpointState(options);
        _pipeline = new EndpointPipeline(_state);
        BaseAddress = baseAddress;
        _state.BaseAddress = baseAddress;
    }

    /// <summary>Gets the base address: <c>http://127.0.0.1:&lt;port&gt;/</c> on Kestrel, <c>http://local-aws.test/</c> in memory.</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>Gets the fault knobs.</summary>
    public LocalAwsFaults Faults => _state.Faults;

    /// <summary>Gets how many AssumeRole requests arrived, including throttled, failed and denied ones.</summary>
    public int StsAssumeRoleCallCount => _state.AssumeRoleCalls;

    /// <summary>Gets a snapshot of the requests answered so far, in order. It holds no secrets.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Log;

    /// <summary>Gets the certificate (public part) that signs the SNS envelopes delivered to subscriptions. It is
    /// self-signed for <c>sns.amazonaws.com</c>, made once per endpoint; trust it in tests only.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 SigningCertificate => _state.Subscriptions.Signer.Certificate;

    /// <summary>Gets the <c>SigningCertURL</c> of the delivered envelopes, where the endpoint serves <see cref="SigningCertificate"/> as PEM.</summary>
    public Uri SigningCertUrl => new(BaseAddress, Internal.Sns.Subscriptions.EnvelopeSigner.Path.TrimStart('/'));

    /// <summary>Gets the endpoint's current time: its TimeProvider plus <see cref="LocalAwsFaults.SkewClock"/>.</summary>
    public DateTimeOffset UtcNow => _state.Now;

    /// <summary>Starts the endpoint on Kestrel at 127.0.0.1 with an ephemeral port.</summary>
    /// <param name="options">The settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running endpoint; dispose it to stop the server.</returns>
    public static async Task<LocalAwsEndpoint> StartAsync(LocalAwsEndpointOptions? options = null, CancellationToken cancellationToken = default)
    {
        var endpoint = new LocalAwsEndpoint(options ?? new LocalAwsEndpointOptions(), InMemoryAddress);
        (endpoint._host, endpoint.BaseAddress) = await KestrelHost.StartAsync(endpoint._pipeline, cancellationToken).ConfigureAwait(false);
        endpoint._state.BaseAddress = endpoint.BaseAddress;
        return endpoint;
    }

    /// <summary>Creates an endpoint without a server: send requests through <see cref="CreateHandler"/>.</summary>
    /// <param name="options">The settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>The endpoint.</returns>
    public static LocalAwsEndpoint CreateInMemory(LocalAwsEndpointOptions? options = null) =>
        new(options ?? new LocalAwsEndpointOptions(), InMemoryAddress);

    /// <summary>Creates a primary handler that runs the pipeline in memory (works for Kestrel-hosted endpoints too).</summary>
    /// <returns>A new handler; the caller owns it.</returns>
    public HttpMessageHandler CreateHandler() => new InMemoryHandler(_pipeline);

    /// <summary>Adds an IAM user with a new long-term access key.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>The user, with its ARN and credentials.</returns>
    public LocalUser AddUser(string name, string accountId = "111111111111")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var user = new LocalUser(name, accountId, KeyGenerator.LongTermKeyId(), KeyGenerator.Secret());
        _state.Keys.Add(new KeyRecord
        {
            AccessKeyId = user.Credentials.AccessKey,
            SecretAccessKey = user.Credentials.SecretKey,
            PrincipalArn = user.Arn,
            CallerArn = user.Arn,
            AccountId = accountId,
            UserId = KeyGenerator.UserId(),
        });
        return user;
    }

    /// <summary>Adds a role that principals can assume with <c>sts:AssumeRole</c>.</summary>
    /// <param name="roleArn">The role ARN, <c>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</c>.</param>
    /// <param name="trust">Configures the trust policy: the allowed principals and an optional ExternalId.</param>
    public void AddRole(string roleArn, Action<RoleTrust> trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var policy = new RoleTrust();
        trust(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.MaxSessionDuration, TimeSpan.FromHours(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(policy.MaxSessionDuration, TimeSpan.FromHours(12));
        var role = new RoleDefinition(roleArn, policy);
        if (!_state.Roles.TryAdd(roleArn, role))
        {
            throw new ArgumentException($"The role '{roleArn}' already exists.", nameof(roleArn));
        }
    }

    /// <summary>Adds an SNS topic; a name ending in <c>.fifo</c> makes a FIFO topic.</summary>
    /// <param name="topicArn">The topic ARN, <c>arn:aws:sns:&lt;region&gt;:&lt;account&gt;:&lt;name&gt;</c>.</param>
    /// <param name="allowedPublisherArns">Who may call <c>sns:Publish</c> (ARNs as in <see cref="RoleTrust.AllowPrincipal"/>).</param>
    /// <returns>The topic, whose deliveries tests can read.</returns>
    public LocalTopic AddTopic(string topicArn, params string[] allowedPublisherArns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topicArn);
        var topic = new LocalTopic(topicArn, allowedPublisherArns);
        topic.Accepted = delivery => Internal.Sns.Subscriptions.SubscriptionFanOut.Deliver(_state, topic, delivery);
        if (!_state.Topics.TryAdd(topicArn, topic))
        {
            throw new ArgumentException($"The topic '{topicArn}' already exists.", nameof(topicArn));
        }

        return topic;
    }

    /// <summary>Adds an EventBridge event bus, like a topic: <c>PutEvents</c> entries naming it (by ARN, or by name from
    /// its own account and region) are accepted when its resource policy names the caller.</summary>
    /// <param name="eventBusArn">The bus ARN, <c>arn:aws:events:&lt;region&gt;:&lt;account&gt;:event-bus/&lt;name&gt;</c>.</param>
    /// <param name="allowedPublisherArns">Who may call <c>events:PutEvents</c> (ARNs as in <see cref="RoleTrust.AllowPrincipal"/>);
    /// any other caller gets <c>AccessDeniedException</c>.</param>
    /// <returns>The bus, whose accepted events tests can read.</returns>
    public LocalEventBus AddEventBus(string eventBusArn, params string[] allowedPublisherArns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventBusArn);
        var bus = new LocalEventBus(eventBusArn, allowedPublisherArns);
        if (!_state.EventBuses.TryAdd(eventBusArn, bus))
        {
            throw new ArgumentException($"The event bus '{eventBusArn}' already exists.", nameof(eventBusArn));
        }

        return bus;
    }

    /// <summary>Adds an AppSync GraphQL API with IAM authorization at <c>POST /graphql</c> (service <c>appsync</c>): the
    /// signature is verified, a caller the policy does not name gets AppSync's 401 <c>UnauthorizedException</c>, and an
    /// authorized request's <c>{"query","operationName","variables"}</c> goes to <paramref name="resolve"/>, whose JSON is
    /// answered with HTTP 200 (GraphQL errors included, as AppSync does). <c>POST /graphql/connect</c> checks the signed
    /// headers of the real-time handshake.</summary>
    /// <param name="resolve">Answers an operation with GraphQL JSON; see <see cref="AppSyncOperation.Data"/> and
    /// <see cref="AppSyncOperation.Error"/>.</param>
    /// <param name="allow">Who may call <c>appsync:GraphQL</c> (ARNs as in <see cref="RoleTrust.AllowPrincipal"/>).</param>
    public void AddAppSyncApi(Func<AppSyncOperation, string> resolve, params string[] allow)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _state.AppSync = new Internal.AppSync.AppSyncApi([.. allow], resolve);
    }

    /// <summary>Adds an IAM-authorized API route answering 200 with <c>{"caller","method","path"}</c> JSON.</summary>
    /// <param name="method">The HTTP method, or <c>ANY</c>.</param>
    /// <param name="pathTemplate">The path, with <c>{name}</c> and a final <c>{name+}</c> segment allowed.</param>
    /// <param name="allow">The resource policy: who may invoke the route (ARNs as in <see cref="RoleTrust.AllowPrincipal"/>).</param>
    public void AddApi(string method, string pathTemplate, params string[] allow) => AddApi(method, pathTemplate, allow, null);

    /// <summary>Adds an IAM-authorized API route with a responder.</summary>
    /// <param name="method">The HTTP method, or <c>ANY</c>.</param>
    /// <param name="pathTemplate">The path, with <c>{name}</c> and a final <c>{name+}</c> segment allowed.</param>
    /// <param name="allow">The resource policy: who may invoke the route.</param>
    /// <param name="respond">Builds the answer of an authorized call; <see langword="null"/> for the default JSON. The endpoint disposes it.</param>
    public void AddApi(string method, string pathTemplate, IEnumerable<string> allow, Func<ApiInvocation, HttpResponseMessage>? respond) =>
        _state.Routes.Add(new ApiRoute(method, pathTemplate, allow, respond));

    /// <summary>Adds a Cognito-compatible user pool: its token endpoint is <c>&lt;base address&gt;oauth2/token</c> and its
    /// issuer <c>&lt;base address&gt;&lt;pool id&gt;</c>, with the discovery document and JWKS below it.</summary>
    /// <returns>The pool; add resource servers and app clients to it.</returns>
    public LocalUserPool AddUserPool()
    {
        var pool = new LocalUserPool(CognitoIds.PoolId(_state.Options.Region), BaseAddress, () => _state.Now);
        _state.UserPools[pool.Id] = pool;
        return pool;
    }

    /// <summary>Adds an API route behind a JWT authorizer with API Gateway HTTP API semantics, answering 200 with
    /// <c>{"caller","method","path"}</c> JSON (the caller is the token's <c>sub</c>) or what <paramref name="respond"/> builds.</summary>
    /// <param name="method">The HTTP method, or <c>ANY</c>.</param>
    /// <param name="pathTemplate">The path, with <c>{name}</c> and a final <c>{name+}</c> segment allowed.</param>
    /// <param name="pool">The pool whose tokens the authorizer accepts (its issuer and JWKS).</param>
    /// <param name="audiences">The authorizer's audiences: app client ids matched on <c>aud</c>, or on <c>client_id</c> when there is no <c>aud</c>.</param>
    /// <param name="scopes">The route's authorization scopes (the token needs at least one); empty for none.</param>
    /// <param name="respond">Builds the answer of an authorized call; <see langword="null"/> for the default JSON.</param>
    public void AddJwtApi(string method, string pathTemplate, LocalUserPool pool, IEnumerable<string> audiences, IEnumerable<string> scopes, Func<ApiInvocation, HttpResponseMessage>? respond = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _state.JwtRoutes.Add(new JwtApiRoute(new ApiRoute(method, pathTemplate, [], respond), pool, audiences, scopes));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync().ConfigureAwait(false);
            _host.Dispose();
            _host = null;
        }
    }
}

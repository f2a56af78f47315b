using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using ContactCenter.Benchmarks.Push;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Benchmarks.Load;

/// <summary>
/// The baseline beside the portal's registration: a bare Kestrel endpoint (minimal API, nothing of the portal) that
/// reads the same Open311 form and inserts one comparable row with raw ADO.NET — on the same PostgreSQL server, or a
/// SQLite file of the same kind (WAL, the same busy timeout) beside the portal's. What the portal does on top of this
/// one insert (the key, the classifier, routing, screening, repeats, the number, the outbox, the answer) is what the
/// ratio ours/baseline measures.
/// </summary>
public sealed class BaselineHost : IAsyncDisposable
{
    public const string Path = "/baseline/requests.json";

    private readonly WebApplication app;
    private readonly NpgsqlDataSource? postgres;

    private BaselineHost(WebApplication app, NpgsqlDataSource? postgres, StrongBox<long> insertedRows, string baseUrl)
    {
        this.insertedRows = insertedRows;
        this.app = app;
        this.postgres = postgres;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Rows inserted so far.</summary>
    public long Inserted => Interlocked.Read(ref insertedRows.Value);

    private readonly StrongBox<long> insertedRows;

    /// <param name="portalConnectionString">The portal's database: the baseline's table goes into the same PostgreSQL database, or a file beside the SQLite one.</param>
    public static async Task<BaselineHost> StartAsync(PushProvider provider, string portalConnectionString)
    {
        NpgsqlDataSource? postgres = null;
        Func<DbConnection> connect;
        string insert;
        if (provider == PushProvider.Postgres)
        {
            // The portal's connection settings (its insert prepared as the portal's are): a difference between the two is
            // then the portal's work, not a setting.
            postgres = NpgsqlDataSource.Create(DatabaseOptions.PostgresConnectionString(portalConnectionString));
            connect = postgres.CreateConnection;
            insert = """
                INSERT INTO "BaselineRequests" ("RegisteredAt", "ServiceCode", "Surname", "FirstName", "Patronymic", "Residence", "Phone", "Email", "Address", "Essence")
                VALUES (@at, @code, @surname, @first, @patronymic, @residence, @phone, @email, @address, @essence) RETURNING "Id"
                """;
            await ExecuteAsync(connect, """
                CREATE TABLE "BaselineRequests" (
                    "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "RegisteredAt" timestamptz NOT NULL, "ServiceCode" text NOT NULL,
                    "Surname" text NOT NULL, "FirstName" text NOT NULL, "Patronymic" text NOT NULL, "Residence" text NOT NULL,
                    "Phone" text, "Email" text, "Address" text NOT NULL, "Essence" text NOT NULL);
                CREATE INDEX "IX_BaselineRequests_Phone" ON "BaselineRequests" ("Phone");
                """);
        }
        else
        {
            var portal = new SqliteConnectionStringBuilder(portalConnectionString);
            var file = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(portal.DataSource))!, "baseline.db");
            var connectionString = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString();
            connect = () => new BusySqliteConnection(connectionString);
            insert = """
                INSERT INTO "BaselineRequests" ("RegisteredAt", "ServiceCode", "Surname", "FirstName", "Patronymic", "Residence", "Phone", "Email", "Address", "Essence")
                VALUES (@at, @code, @surname, @first, @patronymic, @residence, @phone, @email, @address, @essence) RETURNING "Id"
                """;
            await ExecuteAsync(connect, """
                PRAGMA journal_mode=WAL;
                CREATE TABLE "BaselineRequests" (
                    "Id" INTEGER PRIMARY KEY AUTOINCREMENT, "RegisteredAt" TEXT NOT NULL, "ServiceCode" TEXT NOT NULL,
                    "Surname" TEXT NOT NULL, "FirstName" TEXT NOT NULL, "Patronymic" TEXT NOT NULL, "Residence" TEXT NOT NULL,
                    "Phone" TEXT, "Email" TEXT, "Address" TEXT NOT NULL, "Essence" TEXT NOT NULL);
                CREATE INDEX "IX_BaselineRequests_Phone" ON "BaselineRequests" ("Phone");
                """);
        }

        var inserted = new StrongBox<long>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost(Path, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            await using var connection = connect();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = insert;
            Add(command, "@at", provider == PushProvider.Postgres ? DateTimeOffset.UtcNow : DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            Add(command, "@code", form["service_code"].ToString());
            Add(command, "@surname", form["last_name"].ToString());
            Add(command, "@first", form["first_name"].ToString());
            Add(command, "@patronymic", form["attribute[patronymic]"].ToString());
            Add(command, "@residence", form["attribute[residence]"].ToString());
            Add(command, "@phone", form["phone"].ToString());
            Add(command, "@email", form["email"].ToString());
            Add(command, "@address", form["address_string"].ToString());
            Add(command, "@essence", form["description"].ToString());
            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            Interlocked.Increment(ref inserted.Value);
            return Results.Text(string.Create(CultureInfo.InvariantCulture, $$"""[{"service_request_id":"{{id}}"}]"""), "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BaselineHost(app, postgres, inserted, new UriBuilder(address) { Host = "127.0.0.1" }.Uri.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>A SQLite connection set up as the portal sets up its own: the same busy timeout once opened (OpenAsync calls Open).</summary>
    private sealed class BusySqliteConnection(string connectionString) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            SqliteBusyTimeout.Apply(this);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(Func<DbConnection> connect, string sql)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}

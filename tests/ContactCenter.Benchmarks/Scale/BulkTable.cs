using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Benchmarks.Scale;

/// <summary>
/// Rows written to one table in bulk, column by column in the order of <see cref="Columns"/>: prepared inserts in
/// large transactions on SQLite, binary COPY on PostgreSQL. Values are written as the portal's EF model stores them.
/// </summary>
public abstract class BulkTable : IDisposable
{
    protected BulkTable(string table, IReadOnlyList<string> columns)
    {
        Table = table;
        Columns = columns;
    }

    public string Table { get; }

    public IReadOnlyList<string> Columns { get; }

    public long Rows { get; protected set; }

    public abstract void Begin();

    public abstract void Guid(Guid value);

    public abstract void Text(string? value);

    public abstract void Int(int value);

    public abstract void Long(long value);

    public abstract void Bool(bool value);

    public abstract void Time(DateTimeOffset value);

    public abstract void Null();

    public void Guid(Guid? value)
    {
        if (value is { } v)
        {
            Guid(v);
        }
        else
        {
            Null();
        }
    }

    public void Time(DateTimeOffset? value)
    {
        if (value is { } v)
        {
            Time(v);
        }
        else
        {
            Null();
        }
    }

    public abstract void End();

    /// <summary>Makes the rows written so far durable (ends the COPY, commits the transaction).</summary>
    public abstract void Complete();

    public abstract void Dispose();
}

/// <summary>SQLite: one prepared INSERT; the shared transaction is committed by the caller every so many rows.</summary>
public sealed class SqliteBulkTable : BulkTable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;
    private int next;

    public SqliteBulkTable(SqliteConnection connection, string table, IReadOnlyList<string> columns)
        : base(table, columns)
    {
        command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
    }

    public SqliteTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    public override void Begin() => next = 0;

    // EF Core's SQLite mapping: a Guid is upper-case text, a time is UTC "yyyy-MM-dd HH:mm:ss.FFFFFFF" (the converter
    // in ProviderContexts.cs turns DateTimeOffset into a UTC DateTime first), a bool is 0 or 1.
    public override void Guid(Guid value) => parameters[next++].Value = value.ToString().ToUpperInvariant();

    public override void Text(string? value) => parameters[next++].Value = (object?)value ?? DBNull.Value;

    public override void Int(int value) => parameters[next++].Value = value;

    public override void Long(long value) => parameters[next++].Value = value;

    public override void Bool(bool value) => parameters[next++].Value = value ? 1 : 0;

    public override void Time(DateTimeOffset value) =>
        parameters[next++].Value = value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public override void Null() => parameters[next++].Value = DBNull.Value;

    public override void End()
    {
        if (next != parameters.Length)
        {
            throw new InvalidOperationException($"{Table}: {next} values written for {parameters.Length} columns.");
        }

        if (Rows == 0)
        {
            command.Prepare();
        }

        command.ExecuteNonQuery();
        Rows++;
    }

    public override void Complete()
    {
    }

    public override void Dispose() => command.Dispose();
}

/// <summary>PostgreSQL: binary COPY on a connection of its own (one COPY at a time per connection).</summary>
public sealed class PostgresBulkTable : BulkTable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlBinaryImporter importer;
    private int next;

    public PostgresBulkTable(string connectionString, string table, IReadOnlyList<string> columns)
        : base(table, columns)
    {
        connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var setup = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            // Foreign keys are triggers on PostgreSQL: the generator writes consistent rows, so they are not checked row by row.
            setup.ExecuteNonQuery();
        }

        importer = connection.BeginBinaryImport($"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
    }

    public override void Begin()
    {
        importer.StartRow();
        next = 0;
    }

    public override void Guid(Guid value) => Write(value, NpgsqlDbType.Uuid);

    public override void Text(string? value)
    {
        if (value is null)
        {
            Null();
        }
        else
        {
            Write(value, NpgsqlDbType.Varchar);
        }
    }

    public override void Int(int value) => Write(value, NpgsqlDbType.Integer);

    public override void Long(long value) => Write(value, NpgsqlDbType.Bigint);

    public override void Bool(bool value) => Write(value, NpgsqlDbType.Boolean);

    public override void Time(DateTimeOffset value) => Write(value.UtcDateTime, NpgsqlDbType.TimestampTz);

    public override void Null()
    {
        importer.WriteNull();
        next++;
    }

    public override void End()
    {
        if (next != Columns.Count)
        {
            throw new InvalidOperationException($"{Table}: {next} values written for {Columns.Count} columns.");
        }

        Rows++;
    }

    public override void Complete() => importer.Complete();

    public override void Dispose()
    {
        importer.Dispose();
        connection.Dispose();
    }

    private void Write<T>(T value, NpgsqlDbType type)
    {
        importer.Write(value, type);
        next++;
    }
}

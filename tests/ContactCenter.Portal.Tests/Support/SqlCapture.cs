using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace ContactCenter.Portal.Tests.Support;

/// <summary>A command EF sent: its SQL and a copy of its parameters, ready to be sent again under EXPLAIN.</summary>
public sealed record CapturedCommand(string Text, IReadOnlyList<DbParameter> Parameters);

/// <summary>
/// Notes the SQL (and a copy of the parameters) of each command EF sends while capturing. The query-plan tests and the
/// load harness's <c>queries --plans</c> explain what the portal's real query classes send.
/// </summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    private readonly List<CapturedCommand> commands = [];
    private volatile bool capturing;

    public void Start()
    {
        lock (commands)
        {
            commands.Clear();
        }

        capturing = true;
    }

    public List<CapturedCommand> Stop()
    {
        capturing = false;
        lock (commands)
        {
            return [.. commands];
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Note(DbCommand command)
    {
        if (!capturing)
        {
            return;
        }

        // A parameter belongs to one command: the copies can be added to the EXPLAIN command later.
        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => p switch
            {
                SqliteParameter s => (DbParameter)new SqliteParameter(s.ParameterName, s.Value ?? DBNull.Value) { SqliteType = s.SqliteType, DbType = s.DbType },
                NpgsqlParameter n => n.Clone(),
                _ => throw new NotSupportedException(p.GetType().Name),
            })
            .ToList();
        lock (commands)
        {
            commands.Add(new CapturedCommand(command.CommandText, parameters));
        }
    }
}

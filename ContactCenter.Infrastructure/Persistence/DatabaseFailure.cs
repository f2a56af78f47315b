using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// Tells an unreachable database (stopped, restarting, out of connections, network gone) from a fault of the request
/// itself, so that the portal can answer "try again shortly" instead of a bare error, and the parts of a page that are
/// only hints can go without. EF wraps such failures (in an <see cref="InvalidOperationException"/> "likely due to a
/// transient failure"); the cause is looked for along the inner exceptions.
/// </summary>
public static class DatabaseFailure
{
    /// <summary>What a person reads when the database cannot be reached (pages and the Open311 API alike).</summary>
    public const string Message = "Сервіс тимчасово недоступний: немає зв'язку з базою даних. Спробуйте ще раз за хвилину.";

    /// <summary>How long a client is asked to wait before trying again (Retry-After).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Connection classes 08 (connection exception), 53 (insufficient resources), 57P (shutting down, starting up).
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    // The server answered and refused the statement: not an outage.
                    return false;

                // Npgsql's own failures (no PostgreSQL error): the connection could not be made or broke.
                case NpgsqlException:
                case DbException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}

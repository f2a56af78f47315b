using System.Data.Common;
using ContactCenter.Benchmarks.Push;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Load;

/// <summary>
/// An observer of the portal's contexts: how many SQL commands they executed (and transactions they began), to tell
/// how many round trips to the database one registration costs. Commands run outside EF (the registration counter's)
/// are not seen by an interceptor and are counted by the caller.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private long commands;

    public long Commands => Interlocked.Read(ref commands);

    public void Attach(PushProvider provider, IServiceCollection services)
    {
        if (provider == PushProvider.Postgres)
        {
            services.ConfigureDbContext<PostgresContactCenterDbContext>(o => o.AddInterceptors(this));
        }
        else
        {
            services.ConfigureDbContext<SqliteContactCenterDbContext>(o => o.AddInterceptors(this));
        }
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref commands);
        return result;
    }
}

using System.Data;
using System.Data.Common;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Dashboard;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Features.Queue;
using ContactCenter.Portal.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features;

/// <summary>
/// SQL Server is the production database and none runs here, so the hot reads are at least translated for it: each query
/// class runs against the SQL Server provider with the connection and the commands intercepted (every command answers
/// no rows), so a LINQ shape that SQLite and PostgreSQL accept but SQL Server's provider cannot translate fails here,
/// not in production.
/// </summary>
public sealed class SqlServerTranslationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDashboardsQueueHistoryAndReportReads_TranslateForSqlServer()
    {
        var recorder = new NoRows();
        var factory = new SqlServerFactory(recorder);
        var clock = new FakeTimeProvider(Now);
        var dashboard = new DashboardQuery(factory, clock);
        var manager = new Actor("manager-1", "Кочур Л. В.", Role.Manager);
        var deputy = new Actor("deputy-1", "Ковтун О. М.", Role.Deputy, DirectionIds: [Guid.NewGuid()]);

        await dashboard.FiguresAsync(manager, Ct);
        await dashboard.FiguresAsync(deputy, Ct);
        await dashboard.TrendAsync(deputy, Ct);
        await dashboard.CardsAsync(new DrillDownRequest(DashboardFigure.Compliance), manager, Ct);
        await dashboard.CardsAsync(new DrillDownRequest(DashboardFigure.AtRisk), deputy, Ct);
        await new QueueQuery(factory, clock).HandleAsync(new QueueRequest(PageSize: 50), new Actor("staff-1", "Петренко О.", Role.ExecutorResponsible, Guid.NewGuid()), Ct);
        var operatorActor = new Actor("op-1", "Оператор", Role.Operator);
        await new IntakeLookups(factory, clock).HistoryAsync("0671234567", operatorActor, Ct);
        var reports = new ReportCardsQuery(factory);
        await reports.CardsAsync(ReportingPeriod.Month(2026, 2, DeadlinePolicy.Kyiv), ReportScope.Community, await reports.DirectoryAsync(Ct), withHandling: true, Ct);

        // The counts of the dashboards are grouped in the database, as on the other providers.
        Assert.Contains(recorder.Commands, c => c.Contains("GROUP BY [a].[DirectionId], [a].[ExecutorId]", StringComparison.Ordinal) && c.Contains("COUNT(CASE", StringComparison.Ordinal));
        Assert.Contains(recorder.Commands, c => c.Contains("[a].[ClosedOnTime]", StringComparison.Ordinal) && c.Contains("GROUP BY", StringComparison.Ordinal));
        Assert.True(recorder.Commands.Count > 10, string.Join("\n\n", recorder.Commands));
    }

    private sealed class SqlServerFactory(NoRows recorder) : IDbContextFactory<ContactCenterDbContext>
    {
        public ContactCenterDbContext CreateDbContext() => new SqlServerContactCenterDbContext(
            new DbContextOptionsBuilder<SqlServerContactCenterDbContext>()
                .UseSqlServer("Server=127.0.0.1,1;Database=nowhere;Connect Timeout=1")
                .AddInterceptors(recorder)
                .Options);
    }

    /// <summary>Suppresses opening the connection; every query answers no rows (a count 0, an "any" false); records the commands.</summary>
    private sealed class NoRows : DbConnectionInterceptor, IDbCommandInterceptor
    {
        private readonly List<string> commands = [];

        public IReadOnlyList<string> Commands
        {
            get
            {
                lock (commands)
                {
                    return [.. commands];
                }
            }
        }

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Note(command);

            // A count answers one row, 0; an "any" false; anything else no rows.
            var rows = new DataTable();
            if (command.CommandText.StartsWith("SELECT COUNT(", StringComparison.Ordinal))
            {
                rows.Columns.Add("Count", typeof(int));
                rows.Rows.Add(0);
            }
            else if (command.CommandText.StartsWith("SELECT CASE", StringComparison.Ordinal))
            {
                rows.Columns.Add("Any", typeof(bool));
                rows.Rows.Add(false);
            }

            return InterceptionResult<DbDataReader>.SuppressWithResult(rows.CreateDataReader());
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ReaderExecuting(command, eventData, result));

        private void Note(DbCommand command)
        {
            lock (commands)
            {
                commands.Add(command.CommandText);
            }
        }
    }
}

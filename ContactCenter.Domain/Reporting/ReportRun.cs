namespace ContactCenter.Domain.Reporting;

/// <summary>The reports of §4.1 of the regulation, and the Department's register of cards.</summary>
public enum ReportKind
{
    /// <summary>Щоденний звіт: per executor, the previous day and the month to date, to the executor's head.</summary>
    DailyCompliance,

    /// <summary>Щотижневий звіт: per direction, executor by executor, to the deputy and the executors' heads.</summary>
    WeeklyCompliance,

    /// <summary>Щомісячний звіт: per direction and for the community, to the deputies and the manager of affairs.</summary>
    MonthlyCompliance,

    /// <summary>Аналітична записка: the community's month beside the previous one, to the mayor.</summary>
    AnalyticalNote,

    /// <summary>Невирішені звернення: unresolved at every level of control, to the deputies and the manager of affairs.</summary>
    WeeklyUnresolved,

    /// <summary>Державна статистика: counts by the attributes of the state classifier of appeals, quarterly.</summary>
    StateStatistics,

    /// <summary>Лист керівнику виконавця: one executor's late or poorly handled cards (§4.1, last paragraph).</summary>
    HeadLetter,

    /// <summary>Реєстр звернень: every card of a period, for the Department's own analysis.</summary>
    Register,
}

/// <summary>
/// One report: what, for which period, for whom. The three together are its identity: a report is built once for
/// each run (design decision 7), however often it is scheduled, caught up or asked for.
/// </summary>
public sealed record ReportRun(ReportKind Kind, ReportingPeriod Period, ReportScope Scope);

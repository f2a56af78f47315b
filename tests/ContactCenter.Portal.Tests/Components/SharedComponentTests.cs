using Bunit;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Portal.Components.Shared;
using MudBlazor;

namespace ContactCenter.Portal.Tests.Components;

public sealed class SharedComponentTests : PortalComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-30, DeadlineState.Overdue, "прострочено на 1 дн. 6 год.")]
    [InlineData(5, DeadlineState.AtRisk, "спливає через 5 год. 0 хв.")]
    [InlineData(72, DeadlineState.OnTime, "залишилось 3 дн. 0 год.")]
    public void DeadlineBadge_ShowsTheDueDateInKyivTimeAndACountdown(int hoursLeft, DeadlineState state, string countdown)
    {
        var due = Now.AddHours(hoursLeft);

        var badge = Render<DeadlineBadge>(p => p.Add(b => b.DueAt, due).Add(b => b.State, state).Add(b => b.Now, Now));

        Assert.Contains(countdown, badge.Find(".cc-countdown").TextContent);
        Assert.Contains($"cc-deadline-{state.ToString().ToLowerInvariant()}", badge.Find("[data-testid=deadline]").ClassName);
        Assert.StartsWith(TimeZoneInfo.ConvertTime(due, DeadlinePolicy.Kyiv).ToString("dd.MM.yyyy HH:mm"), badge.Find("[data-testid=deadline]").TextContent.Trim());
    }

    [Fact]
    public void DeadlineBadge_OfAClosedCard_HasNoCountdown()
    {
        var badge = Render<DeadlineBadge>(p => p.Add(b => b.DueAt, Now).Add(b => b.State, DeadlineState.Overdue).Add(b => b.Now, Now.AddDays(3)).Add(b => b.IsOpen, false));

        Assert.Equal(string.Empty, badge.Find(".cc-countdown").TextContent.Trim());
    }

    [Theory]
    [InlineData(AppealStatus.ProposedForClosure, "Запропоновано до закриття")]
    [InlineData(AppealStatus.ReturnedToWork, "Повернуто на доопрацювання")]
    public void StatusChip_SaysTheStatusInUkrainian(AppealStatus status, string text)
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, status));

        Assert.Equal(text, chip.Find("[data-testid=status]").TextContent.Trim());
    }

    [Fact]
    public void MudBlazorsOwnTexts_AreUkrainian()
    {
        var alert = Render<MudAlert>(p => p.Add(a => a.ShowCloseIcon, true).AddChildContent("Повідомлення"));

        Assert.Contains("Закрити", alert.Markup);
        Assert.DoesNotContain("aria-label=\"Close\"", alert.Markup);
    }
}

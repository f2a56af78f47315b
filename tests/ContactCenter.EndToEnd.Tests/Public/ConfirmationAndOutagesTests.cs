using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.EndToEnd.Tests.Support;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Appeals;
using ContactCenter.Portal.Features.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.EndToEnd.Tests.Public;

/// <summary>§4.1 by the link from the letter, and the repair works a citizen can look up (§3.1), on a phone screen.</summary>
public sealed class ConfirmationAndOutagesTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    protected override ViewportSize? Viewport => new() { Width = 390, Height = 844 };

    [Fact]
    public async Task TheApplicant_OpensTheLinkFromTheClosureLetter_AndSaysTheWorkWasNotDone()
    {
        var ct = TestContext.Current.CancellationToken;
        string number;
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            Guid problemId;
            await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(ct))
            {
                problemId = await db.ClassifierProblems.Where(p => p.IsActive).Select(p => p.Id).FirstAsync(ct);
            }

            var submitted = await scope.ServiceProvider.GetRequiredService<SubmitPublicAppeal>().HandleAsync(
                new PublicAppealForm
                {
                    Surname = "Мельник",
                    FirstName = "Петро",
                    Patronymic = "Олексійович",
                    Residence = "м. Пирятин, вул. Гоголя, 3",
                    Phone = "0931234400",
                    Email = "petro.melnyk@ukr.net",
                    ProblemId = problemId,
                    ProblemAddress = "м. Пирятин, вул. Гоголя, 3",
                    Essence = "Не вивозять сміття",
                    Consent = true,
                },
                [],
                Portal.BaseUrl,
                ct);
            Assert.True(submitted.IsSuccess, string.Join("; ", submitted.Errors.Select(e => e.Message)));
            number = submitted.RegistrationNumber!;
            var closed = await scope.ServiceProvider.GetRequiredService<CardActions>().ExecuteAsync(
                number, null, new Actor("op-e2e", "Оператор", Role.Operator), CardAction.Close, new CardActionInput { Result = AppealResult.ResolvedPositively, Text = "Сміття вивезено" }, ct);
            Assert.True(closed.IsSuccess, closed.Error.Message);
        }

        string link;
        await using (var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(ct))
        {
            var token = await db.Appeals.Where(a => a.Number == number).Select(a => a.AccessToken).SingleAsync(ct);
            var letter = await db.OutgoingMails.SingleAsync(m => m.RegistrationNumber == number && m.Kind == PublicLetters.ConfirmationKind, ct);
            link = "/public/confirm/" + token;
            Assert.Contains(link, letter.Body, StringComparison.Ordinal);
        }

        await Page.GotoAsync(link);
        await Expect(Page.Locator("main")).ToContainTextAsync(number);
        await Expect(Page.Locator("main")).ToContainTextAsync("Сміття вивезено");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ні, не виконано" }).ClickAsync();
        await Expect(Page.Locator("[data-testid=comment-error]")).ToContainTextAsync("Опишіть");

        await Page.Locator("#comment").FillAsync("Сміття лежить і далі");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ні, не виконано" }).ClickAsync();
        await Expect(Page.Locator("[data-testid=confirm-thanks]")).ToContainTextAsync("повернуто на доопрацювання");

        await Page.GotoAsync(link);
        await Expect(Page.Locator("[data-testid=confirm-answered]")).ToContainTextAsync("Ви вже відповіли");
        await using var check = await Portal.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(ct);
        var card = await check.Appeals.SingleAsync(a => a.Number == number, ct);
        Assert.Equal(AppealStatus.ReturnedToWork, card.Status);
        Assert.True(card.OnDepartmentControl);
    }

    [Fact]
    public async Task ACitizen_FindsTheWorksOnTheirStreet_ByService()
    {
        await Page.GotoAsync("/public/outages");
        await Expect(Page.Locator("[data-testid=outages-active]")).ToContainTextAsync("газопроводу");
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("Дорошенко");

        await Page.Locator("#street").FillAsync("Ярмаркова");
        await Page.Locator("#service").SelectOptionAsync("Water");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Показати" }).ClickAsync();

        await Expect(Page.Locator("[data-testid=outages-planned]")).ToContainTextAsync("Планова заміна ділянки водопроводу");
        await Expect(Page.Locator("[data-testid=outages-active]")).Not.ToContainTextAsync("газопроводу");
        await Expect(Page.Locator("#street")).ToHaveValueAsync("Ярмаркова");
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width}px wide on a 390px screen.");
    }
}

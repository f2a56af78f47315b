using ContactCenter.Domain.RepairWorks;
using static ContactCenter.Domain.Tests.RepairWorks.RepairWorkBuilder;

namespace ContactCenter.Domain.Tests.RepairWorks;

public sealed class RepairWorkRegistrationTests
{
    [Fact]
    public void RegisterPlanned_WhenValid_CreatesPlannedCardAndRaisesEvent()
    {
        var start = Now.AddDays(2);
        var end = start.AddHours(6);
        var territory = Guid.NewGuid();

        var result = RepairWork.RegisterPlanned(
            Responsible, Now, ExecutorId, UtilityService.Water, "  Заміна засувки  ", Addresses, start, end, territory);

        Assert.True(result.IsSuccess);
        var work = result.Value;
        Assert.NotEqual(Guid.Empty, work.Id);
        Assert.Equal(RepairWorkKind.Planned, work.Kind);
        Assert.Equal(RepairWorkStatus.Planned, work.Status);
        Assert.Equal(UtilityService.Water, work.Service);
        Assert.Equal(ExecutorId, work.ExecutorId);
        Assert.Equal("Заміна засувки", work.Description);
        Assert.Equal(Addresses, work.Addresses);
        Assert.Equal(territory, work.TerritoryId);
        Assert.Equal(start, work.PlannedStart);
        Assert.Equal(end, work.PlannedEnd);
        Assert.Null(work.ActualStart);
        Assert.Null(work.ActualEnd);
        Assert.Equal(Now, work.RegisteredAt);
        Assert.Equal(Responsible.Id, work.RegisteredById);
        Assert.Equal(Responsible.Name, work.RegisteredByName);
        Assert.Equal(1, work.Version);
        var registered = Assert.IsType<RepairWorkRegistered>(Assert.Single(work.DomainEvents));
        Assert.Equal(work.Id, registered.RepairWorkId);
        Assert.Equal(ExecutorId, registered.ExecutorId);
        Assert.Equal(RepairWorkKind.Planned, registered.Kind);
        Assert.Equal(UtilityService.Water, registered.Service);
        Assert.Equal(Now, registered.OccurredAt);
    }

    [Fact]
    public void RegisterPlanned_WhenExactly24HoursBeforeStart_Succeeds()
    {
        var result = RegisterPlanned(start: Now.AddHours(24));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void RegisterPlanned_When23Hours59MinutesBeforeStart_FailsPlannedTooLate()
    {
        var result = RegisterPlanned(start: Now.AddHours(23).AddMinutes(59));

        Assert.Equal(RepairWorkErrors.PlannedTooLate, result.Error);
    }

    [Fact]
    public void RegisterPlanned_WhenStartInPast_FailsPlannedTooLate()
    {
        var result = RegisterPlanned(start: Now.AddHours(-1));

        Assert.Equal(RepairWorkErrors.PlannedTooLate, result.Error);
    }

    [Fact]
    public void RegisterPlanned_WhenNoticeMeasuredAcrossOffsets_UsesAbsoluteTime()
    {
        // 24 hours later, written in UTC: still exactly a day's notice.
        var start = Now.AddHours(24).ToUniversalTime();

        var result = RegisterPlanned(start: start);

        Assert.True(result.IsSuccess);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void RegisterPlanned_WhenEndNotAfterStart_FailsEndNotAfterStart(int endMinutesAfterStart)
    {
        var start = Now.AddDays(2);

        var result = RegisterPlanned(start: start, end: start.AddMinutes(endMinutesAfterStart));

        Assert.Equal(RepairWorkErrors.EndNotAfterStart, result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RegisterPlanned_WhenDescriptionBlank_FailsDescriptionRequired(string description)
    {
        var result = RegisterPlanned(description: description);

        Assert.Equal(RepairWorkErrors.DescriptionRequired, result.Error);
    }

    [Fact]
    public void RegisterPlanned_WhenNoAddresses_FailsAddressRequired()
    {
        var result = RegisterPlanned(addresses: []);

        Assert.Equal(RepairWorkErrors.AddressRequired, result.Error);
    }

    [Fact]
    public void RegisterPlanned_WhenOnlyBlankAddresses_FailsAddressRequired()
    {
        var result = RegisterPlanned(addresses: ["", "  ", ", ."]);

        Assert.Equal(RepairWorkErrors.AddressRequired, result.Error);
    }

    [Fact]
    public void RegisterPlanned_WhenAddressesRepeatOrBlank_KeepsEachOnceTrimmed()
    {
        var result = RegisterPlanned(addresses: [" вул. Шевченка ", "", "вулиця Шевченка", "вул. Київська, 5"]);

        Assert.Equal(["вул. Шевченка", "вул. Київська, 5"], result.Value.Addresses);
    }

    [Fact]
    public void RegisterPlanned_WhenExecutorEmpty_FailsExecutorRequired()
    {
        var result = RegisterPlanned(actor: Operator, executorId: Guid.Empty);

        Assert.Equal(RepairWorkErrors.ExecutorRequired, result.Error);
    }

    [Fact]
    public void RegisterPlanned_WhenOtherExecutorsStaff_FailsNotAllowed()
    {
        var result = RegisterPlanned(actor: OtherResponsible);

        Assert.Equal(RepairWorkErrors.NotAllowed, result.Error);
    }

    [Fact]
    public void RegisterPlanned_WhenDeputy_FailsNotAllowed()
    {
        var result = RegisterPlanned(actor: Deputy);

        Assert.Equal(RepairWorkErrors.NotAllowed, result.Error);
    }

    [Fact]
    public void RegisterPlanned_WhenDepartment_Succeeds()
    {
        var result = RegisterPlanned(actor: Operator);

        Assert.True(result.IsSuccess);
        Assert.Equal(Operator.Id, result.Value.RegisteredById);
    }

    [Fact]
    public void RegisterPlanned_WhenOwnPerformer_Succeeds()
    {
        var result = RegisterPlanned(actor: Performer);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void RegisterEmergency_WhenValid_CreatesCardInProgressAndRaisesEvent()
    {
        var startedAt = Now.AddMinutes(-30);
        var expectedEnd = Now.AddHours(6);

        var result = RepairWork.RegisterEmergency(
            Responsible, Now, ExecutorId, UtilityService.Heating, "Порив тепломережі", Addresses, startedAt, expectedEnd);

        Assert.True(result.IsSuccess);
        var work = result.Value;
        Assert.Equal(RepairWorkKind.Emergency, work.Kind);
        Assert.Equal(RepairWorkStatus.InProgress, work.Status);
        Assert.Equal(startedAt, work.ActualStart);
        Assert.Equal(startedAt, work.PlannedStart);
        Assert.Equal(expectedEnd, work.PlannedEnd);
        Assert.Equal(Now, work.RegisteredAt);
        Assert.Equal(1, work.Version);
        var registered = Assert.IsType<RepairWorkRegistered>(Assert.Single(work.DomainEvents));
        Assert.Equal(RepairWorkKind.Emergency, registered.Kind);
        Assert.Equal(RepairWorkStatus.InProgress, registered.Status);
        Assert.Equal(UtilityService.Heating, registered.Service);
    }

    [Fact]
    public void RegisterEmergency_WhenStartedDaysAgo_Succeeds()
    {
        var result = RegisterEmergency(startedAt: Now.AddDays(-2));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void RegisterEmergency_WhenStartWithinClockSkew_Succeeds()
    {
        var result = RegisterEmergency(startedAt: Now.AddMinutes(5));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void RegisterEmergency_WhenStartBeyondClockSkew_FailsEmergencyStartInFuture()
    {
        var result = RegisterEmergency(startedAt: Now.AddMinutes(5).AddSeconds(1));

        Assert.Equal(RepairWorkErrors.EmergencyStartInFuture, result.Error);
    }

    [Fact]
    public void RegisterEmergency_WhenExpectedEndNotAfterStart_FailsEndNotAfterStart()
    {
        var startedAt = Now.AddMinutes(-30);

        var result = RegisterEmergency(startedAt: startedAt, expectedEnd: startedAt);

        Assert.Equal(RepairWorkErrors.EndNotAfterStart, result.Error);
    }

    [Fact]
    public void RegisterEmergency_WhenOtherExecutorsStaff_FailsNotAllowed()
    {
        var result = RegisterEmergency(actor: OtherResponsible);

        Assert.Equal(RepairWorkErrors.NotAllowed, result.Error);
    }

    [Fact]
    public void RegisterEmergency_WhenDepartment_Succeeds()
    {
        var result = RegisterEmergency(actor: Operator);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void UtilityServiceNamesOf_WhenAnyService_ReturnsUkrainianName()
    {
        var names = Enum.GetValues<UtilityService>().Select(UtilityServiceNames.Of).ToArray();

        Assert.Equal(
            [
                "Водопостачання", "Водовідведення", "Теплопостачання", "Гаряче водопостачання", "Електропостачання",
                "Газопостачання", "Дороги", "Вуличне освітлення", "Громадський транспорт", "Інше",
            ],
            names);
    }
}

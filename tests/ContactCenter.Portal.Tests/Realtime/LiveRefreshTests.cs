using ContactCenter.Portal.Realtime;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Realtime;

public sealed class LiveRefreshTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private sealed class Counter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public Task Reload()
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        // Continuations run on the thread pool; this only waits for them, it asserts no duration.
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task TheFirstChange_ReloadsAtOnce()
    {
        var counter = new Counter();
        using var live = new LiveRefresh(counter.Reload, new FakeTimeProvider(Now));

        live.Request();

        await Eventually(() => counter.Count == 1);
    }

    [Fact]
    public async Task ABurstOfChanges_CostsOneMoreReload_AfterTheInterval()
    {
        var counter = new Counter();
        var clock = new FakeTimeProvider(Now);
        using var live = new LiveRefresh(counter.Reload, clock);

        live.Request();
        await Eventually(() => counter.Count == 1);
        for (var i = 0; i < 50; i++)
        {
            live.Request();
        }

        clock.Advance(LiveRefresh.MinInterval - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(1, counter.Count);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually(() => counter.Count == 2);
        clock.Advance(LiveRefresh.MinInterval);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(2, counter.Count);
    }

    [Fact]
    public async Task AChangeAfterAQuietInterval_ReloadsAtOnceAgain()
    {
        var counter = new Counter();
        var clock = new FakeTimeProvider(Now);
        using var live = new LiveRefresh(counter.Reload, clock);
        live.Request();
        await Eventually(() => counter.Count == 1);
        clock.Advance(LiveRefresh.MinInterval);
        await Task.Delay(50, TestContext.Current.CancellationToken);

        live.Request();

        await Eventually(() => counter.Count == 2);
    }

    [Fact]
    public async Task AFailedReload_DoesNotEndLiveUpdates()
    {
        var calls = 0;
        var clock = new FakeTimeProvider(Now);
        using var live = new LiveRefresh(() => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("database away") : Task.CompletedTask, clock);
        live.Request();
        await Eventually(() => Volatile.Read(ref calls) == 1);
        clock.Advance(LiveRefresh.MinInterval);
        await Task.Delay(50, TestContext.Current.CancellationToken);

        live.Request();

        await Eventually(() => Volatile.Read(ref calls) == 2);
    }

    [Fact]
    public async Task AfterDispose_ChangesReloadNothing()
    {
        var counter = new Counter();
        var live = new LiveRefresh(counter.Reload, new FakeTimeProvider(Now));
        live.Dispose();

        live.Request();

        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(0, counter.Count);
    }
}

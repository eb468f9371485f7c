switch (args)
{
    case ["quick"]:
        ServiceAuth.Client.Benchmarks.QuickCheck.Run();
        return;
    case ["handler-interleaved"]:
        ServiceAuth.Client.Benchmarks.HandlerInterleaved.Run();
        return;
    case ["receiving-alloc"]:
        await ServiceAuth.Client.Benchmarks.ReceivingQuickCheck.RunAsync();
        return;
    case ["receiving-interleaved"]:
        await ServiceAuth.Client.Benchmarks.ReceivingInterleaved.RunAsync();
        return;
    case ["receiving-loop", var pipeline]:
        await ServiceAuth.Client.Benchmarks.ReceivingLoop.RunAsync(pipeline, TimeSpan.FromSeconds(20));
        return;
    case ["signing-interleaved"]:
        ServiceAuth.Client.Benchmarks.SigningInterleaved.Run();
        return;
    case ["signing-parts"]:
        ServiceAuth.Client.Benchmarks.SigningParts.Run();
        return;
    case ["signing-loop"]:
        ServiceAuth.Client.Benchmarks.SigningLoop.Run(TimeSpan.FromSeconds(12));
        return;
    case ["signing-loop", var shape]:
        ServiceAuth.Client.Benchmarks.SigningLoop.Run(TimeSpan.FromSeconds(12), shape);
        return;
    default:
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}

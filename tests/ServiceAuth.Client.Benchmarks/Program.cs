if (args is ["quick"])
{
    ServiceAuth.Client.Benchmarks.QuickCheck.Run();
    return;
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// Run with: dotnet run --project docs/samples/QuickStart
return await ServiceAuth.Client.QuickStart.QuickStartScenario.RunAsync(Console.Out);

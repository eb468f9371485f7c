Console.WriteLine("ServiceAuth.Client AOT smoke test");
return 0;

Console.WriteLine("QuickStart: coming with the local endpoint.");
return 0;

using RealGuard.DevHost;

var stack = RealGuardStack.Define();
var output = new ConsoleStackOutput(stack.Parts.Select(part => part.Name));
using var shutdown = new ShutdownSignal(output);

return await DevHostRunner.RunAsync(stack, new LocalStackOptions { Output = output }, shutdown.Token);

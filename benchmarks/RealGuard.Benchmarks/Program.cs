using RealGuard.Benchmarks;

// Commands of benchmarks/run.sh (each prints what the script reads on stdout, messages on stderr):
//   user-token <iam url> <username> <password>     access and refresh token of realguard-mobile, from the login form
//   bff-session <web url> <username> <password>   the BFF's session cookie after logging in through the web app
//   free-stack <env file>                          the stack on free ports until SIGTERM (see FreePortStack)
//   refresh-load [--sessions 50] [--lifetime 10] [--lifetimes 3]
return args.FirstOrDefault() switch
{
    "user-token" => await Logins.UserTokenAsync(args[1], args[2], args[3]),
    "bff-session" => await Logins.BffSessionAsync(args[1], args[2], args[3]),
    "free-stack" => await FreePortStack.ServeAsync(args[1]),
    "refresh-load" => await RefreshUnderLoad.RunAsync(RefreshUnderLoad.Settings.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RealGuard.Benchmarks user-token|bff-session|free-stack|refresh-load ...");
    return 2;
}

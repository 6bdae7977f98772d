console.log("not yet wired");

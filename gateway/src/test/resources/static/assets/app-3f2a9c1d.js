console.log("gateway test bundle");

line one
  <#iff book.title == "x">
three

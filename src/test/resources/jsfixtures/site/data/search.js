window.OVA_SEARCH = [["video/clip.html", "Café at night <&>", "city night", "espresso tables street lamps", [[0, "Arrival"], [2.5, "Ordering"], [5, "Leaving"]], [[1.5, "Big wave"], [6.2, "Crème brûlée"]]],
["video/other.html", "Mountain flight", "nature sommer café", "paragliding glacier valley", [], [[3.8, "Glacier view"]]],
["video/third.html", "Beach day", "nature", "sand waves", [], []],
["video/broken.html", "Old camcorder tape", "family", "interlaced wave", [], []]];
